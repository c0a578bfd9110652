/**
 * Messages: sending, reading, statuses, reactions and polls.
 */
@NullMarked
package com.blooio.spring.model.message;

import org.jspecify.annotations.NullMarked;
