/**
 * The implementation of {@link com.blooio.spring.client.BlooioOperations}: requests,
 * retries, timeouts, error mapping, paging and logging. Not API: nothing here is meant
 * for application code, and it may change in any release.
 */
@NullMarked
package com.blooio.spring.client.internal;

import org.jspecify.annotations.NullMarked;
