/**
 * Spring Boot health indicator for Blooio: whether the API key is accepted and a sender
 * number can send.
 */
@NullMarked
package com.blooio.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
