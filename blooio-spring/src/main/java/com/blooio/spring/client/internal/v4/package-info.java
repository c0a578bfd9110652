/**
 * The v4 operations of {@code BlooioTemplate}: webhook subscriptions and the event feed.
 * Not API.
 */
@NullMarked
package com.blooio.spring.client.internal.v4;

import org.jspecify.annotations.NullMarked;
