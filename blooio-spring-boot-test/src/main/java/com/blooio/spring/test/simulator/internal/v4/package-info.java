/**
 * The v4 part of the Blooio simulator, served under {@code /v4}: webhook subscriptions
 * and their delivery log, the event feed, v4 webhook envelopes and safety events. Not
 * API, may change in any release: the one public type,
 * {@link com.blooio.spring.test.simulator.internal.v4.V4Api}, is public only so that the
 * simulator's engine can wire it in; use
 * {@link com.blooio.spring.test.simulator.BlooioSimulator} instead.
 */
@NullMarked
package com.blooio.spring.test.simulator.internal.v4;

import org.jspecify.annotations.NullMarked;
