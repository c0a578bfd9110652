/**
 * Reactive client for the Blooio v2 API:
 * {@link com.blooio.spring.client.BlooioOperations} with its resource groups, and
 * {@link com.blooio.spring.client.BlooioTemplate}, which implements it over Spring's
 * {@code WebClient}. What it raises is in {@link com.blooio.spring.client.exception};
 * what it sends and reads, in {@link com.blooio.spring.model} and its sub-packages.
 */
@NullMarked
package com.blooio.spring.client;

import org.jspecify.annotations.NullMarked;
