/**
 * The engine of the Blooio simulator: HTTP handling and routing, the simulated endpoints,
 * state, message lifecycle, faults and webhook deliveries. Not API, may change in any
 * release: the one public type,
 * {@link com.blooio.spring.test.simulator.internal.SimulatorEngine}, is public only so
 * that {@link com.blooio.spring.test.simulator.BlooioSimulator} can delegate to it; use
 * that instead.
 */
@NullMarked
package com.blooio.spring.test.simulator.internal;

import org.jspecify.annotations.NullMarked;
