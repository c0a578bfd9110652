/**
 * Models of Blooio's v4 API used for receiving: webhook subscriptions, their deliveries,
 * and the event feed.
 */
@NullMarked
package com.blooio.spring.model.v4;

import org.jspecify.annotations.NullMarked;
