/**
 * Auto-configuration of the v4 webhook subscription for
 * {@code blooio.webhook.public-url}.
 */
@NullMarked
package com.blooio.spring.autoconfigure.subscription;

import org.jspecify.annotations.NullMarked;
