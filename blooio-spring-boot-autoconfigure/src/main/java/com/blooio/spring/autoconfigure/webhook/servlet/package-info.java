/**
 * Auto-configuration of the webhook route in Spring MVC applications.
 */
@NullMarked
package com.blooio.spring.autoconfigure.webhook.servlet;

import org.jspecify.annotations.NullMarked;
