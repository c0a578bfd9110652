/**
 * The exceptions of the Blooio client:
 * {@link com.blooio.spring.client.exception.BlooioException} and its subtypes, each with
 * the operation, and for API errors the HTTP status and Blooio's {@code code}.
 */
@NullMarked
package com.blooio.spring.client.exception;

import org.jspecify.annotations.NullMarked;
