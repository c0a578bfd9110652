/**
 * Auto-configuration of the Blooio client: {@code BlooioTemplate}, its WebClient and
 * observation, and the failure analysis of a missing API key.
 */
@NullMarked
package com.blooio.spring.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
