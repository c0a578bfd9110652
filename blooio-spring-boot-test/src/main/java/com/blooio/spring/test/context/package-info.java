/**
 * Spring test support for the Blooio simulator:
 * {@link com.blooio.spring.test.context.AutoConfigureBlooioSimulator} starts a simulator
 * with the test's application context, points the application's Blooio client at it and
 * subscribes the application's webhook endpoint when a web server runs;
 * {@link com.blooio.spring.test.context.BlooioSimulatorConfiguration} does the same for
 * an application started from a launcher at development time.
 */
@NullMarked
package com.blooio.spring.test.context;

import org.jspecify.annotations.NullMarked;
