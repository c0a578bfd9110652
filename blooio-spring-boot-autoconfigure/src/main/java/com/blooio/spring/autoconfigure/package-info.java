/**
 * Spring Boot auto-configuration for Blooio: properties, auto-configurations and failure
 * analyzers.
 */
@NullMarked
package com.blooio.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
