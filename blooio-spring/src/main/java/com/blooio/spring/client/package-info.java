/**
 * Reactive client for the Blooio v2 API:
 * {@link com.blooio.spring.client.BlooioOperations}, its resource groups and the typed
 * exceptions it raises.
 */
@NullMarked
package com.blooio.spring.client;

import org.jspecify.annotations.NullMarked;
