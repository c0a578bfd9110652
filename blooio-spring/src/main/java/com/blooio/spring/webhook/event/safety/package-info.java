/**
 * Typed events for Blooio's messaging safety (v4 only): a sending number's warm-up tier
 * or safety action changed, or a number was banned.
 */
@NullMarked
package com.blooio.spring.webhook.event.safety;

import org.jspecify.annotations.NullMarked;
