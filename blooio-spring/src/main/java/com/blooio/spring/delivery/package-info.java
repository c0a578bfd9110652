/**
 * Delivery tracking: {@link com.blooio.spring.delivery.BlooioDeliveryTracker} completes
 * when a sent message reaches a final status, told by status webhooks when the endpoint
 * is on and by polling Blooio's status endpoint otherwise.
 */
@NullMarked
package com.blooio.spring.delivery;

import org.jspecify.annotations.NullMarked;
