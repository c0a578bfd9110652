/**
 * JUnit Jupiter support for the Blooio simulator without Spring:
 * {@link com.blooio.spring.test.junit.BlooioSimulatorExtension} runs one simulator per
 * test class, resets it before each test and injects it as a parameter.
 */
@NullMarked
package com.blooio.spring.test.junit;

import org.jspecify.annotations.NullMarked;
