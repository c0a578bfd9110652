/**
 * Subscribing the application's webhook endpoint through Blooio's v4 API, and keeping the
 * signing secret Blooio shows only once.
 */
@NullMarked
package com.blooio.spring.webhook.subscription;

import org.jspecify.annotations.NullMarked;
