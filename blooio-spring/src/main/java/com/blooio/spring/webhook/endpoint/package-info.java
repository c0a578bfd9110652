/**
 * The webhook endpoint as a handler function for Spring WebFlux and for Spring MVC; both
 * run the same {@link com.blooio.spring.webhook.BlooioWebhookHandler}.
 */
@NullMarked
package com.blooio.spring.webhook.endpoint;

import org.jspecify.annotations.NullMarked;
