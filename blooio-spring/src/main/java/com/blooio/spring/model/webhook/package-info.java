/**
 * Webhook subscriptions managed through the API: registrations, logs, replays and secret
 * rotation. The events Blooio delivers are in {@link com.blooio.spring.webhook.event}.
 */
@NullMarked
package com.blooio.spring.model.webhook;

import org.jspecify.annotations.NullMarked;
