/**
 * Blooio webhooks without a web stack: signature verification, the event model, and the
 * delivery pipeline verify, parse, de-duplicate, publish.
 */
@NullMarked
package com.blooio.spring.webhook;

import org.jspecify.annotations.NullMarked;
