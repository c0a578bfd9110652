/**
 * Micrometer observation of Blooio API calls: the tags the client adds to WebClient's
 * {@code http.client.requests} observations.
 */
@NullMarked
package com.blooio.spring.client.observation;

import org.jspecify.annotations.NullMarked;
