/**
 * Blooio's webhook signature scheme: HMAC-SHA256 over {@code "<t>.<raw body>"}, signed by
 * {@link com.blooio.spring.webhook.signature.WebhookSigner} and checked by
 * {@link com.blooio.spring.webhook.signature.WebhookSignatureVerifier}.
 */
@NullMarked
package com.blooio.spring.webhook.signature;

import org.jspecify.annotations.NullMarked;
