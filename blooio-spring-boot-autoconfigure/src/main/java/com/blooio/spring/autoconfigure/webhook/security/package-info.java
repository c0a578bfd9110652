/**
 * Spring Security support for the Blooio webhook endpoint: one call in the application's
 * own security configuration exempts the endpoint from CSRF protection and from
 * authentication, since Blooio proves itself with the delivery signature instead.
 */
@NullMarked
package com.blooio.spring.autoconfigure.webhook.security;

import org.jspecify.annotations.NullMarked;
