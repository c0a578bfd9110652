/**
 * The Blooio simulator as a standalone server for tests in any language:
 * {@code java -jar blooio-simulator.jar --port 4010}.
 */
@NullMarked
package com.blooio.simulator;

import org.jspecify.annotations.NullMarked;
