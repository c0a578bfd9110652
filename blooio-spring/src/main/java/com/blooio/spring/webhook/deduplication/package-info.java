/**
 * Remembering which webhook deliveries were handled, so that Blooio's redeliveries are
 * published once.
 */
@NullMarked
package com.blooio.spring.webhook.deduplication;

import org.jspecify.annotations.NullMarked;
