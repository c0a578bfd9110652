/**
 * Blooio's JSON dialect, shared by the client and the webhook side: one mapper and one
 * rule for timestamps.
 */
@NullMarked
package com.blooio.spring.json;

import org.jspecify.annotations.NullMarked;
