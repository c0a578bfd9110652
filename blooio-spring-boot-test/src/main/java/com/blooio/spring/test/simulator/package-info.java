/**
 * Test support for applications using Blooio: an in-process simulator of the Blooio v2
 * API ({@link com.blooio.spring.test.BlooioSimulator}) that sends signed webhooks, a
 * webhook signer, a JUnit extension and a Spring test annotation.
 */
@NullMarked
package com.blooio.spring.test;

import org.jspecify.annotations.NullMarked;
