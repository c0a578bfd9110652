/**
 * Spring test support for the Blooio simulator:
 * {@link com.blooio.spring.test.context.AutoConfigureBlooioSimulator} starts a simulator
 * with the test's application context, points the application's Blooio client at it and
 * subscribes the application's webhook endpoint when a web server runs.
 */
@NullMarked
package com.blooio.spring.test.context;

import org.jspecify.annotations.NullMarked;
