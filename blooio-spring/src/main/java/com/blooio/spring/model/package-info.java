/**
 * Request and response models of the Blooio v2 API, one sub-package per resource, and the
 * types they share: immutable, snake_case on the wire and tolerant of fields and values
 * added later.
 */
@NullMarked
package com.blooio.spring.model;

import org.jspecify.annotations.NullMarked;
