/**
 * The simulator's control API for inspection and set-up over HTTP: faults, settings,
 * webhook receivers, what was sent, received and delivered, and reset. Not API, may
 * change in any release; {@code docs/simulator-control-api.md} documents the HTTP
 * commands.
 */
@NullMarked
package com.blooio.spring.test.simulator.internal.control;

import org.jspecify.annotations.NullMarked;
