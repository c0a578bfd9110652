/**
 * The Blooio simulator's public API:
 * {@link com.blooio.spring.test.simulator.BlooioSimulator}, an in-process fake of the
 * Blooio v2 API that sends signed webhooks, with the handles a test plays the other side
 * with ({@link com.blooio.spring.test.simulator.SimulatedSender},
 * {@link com.blooio.spring.test.simulator.SimulatedGroup}), the faults and settings it
 * injects, and the records of what it received, sent and delivered. Everything else lives
 * in {@code internal}.
 */
@NullMarked
package com.blooio.spring.test.simulator;

import org.jspecify.annotations.NullMarked;
