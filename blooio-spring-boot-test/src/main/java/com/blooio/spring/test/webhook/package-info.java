/**
 * Webhook test helpers: {@link com.blooio.spring.test.webhook.BlooioWebhookSigner} signs
 * payloads as Blooio does, so that a test can post signed events to an application's
 * webhook endpoint with {@code WebTestClient}, {@code MockMvc} or any HTTP client.
 */
@NullMarked
package com.blooio.spring.test.webhook;

import org.jspecify.annotations.NullMarked;
