/**
 * Auto-configuration of delivery tracking: a
 * {@link com.blooio.spring.delivery.BlooioDeliveryTracker} next to the template, fed by
 * status webhooks when the webhook endpoint is on.
 */
@NullMarked
package com.blooio.spring.autoconfigure.delivery;

import org.jspecify.annotations.NullMarked;
