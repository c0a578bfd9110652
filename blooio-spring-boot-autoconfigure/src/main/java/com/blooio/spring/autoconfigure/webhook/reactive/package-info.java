/**
 * Auto-configuration of the webhook route in Spring WebFlux applications.
 */
@NullMarked
package com.blooio.spring.autoconfigure.webhook.reactive;

import org.jspecify.annotations.NullMarked;
