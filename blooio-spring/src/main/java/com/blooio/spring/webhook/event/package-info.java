/**
 * The typed Spring events published for Blooio webhook deliveries, all subtypes of
 * {@link com.blooio.spring.webhook.event.BlooioEvent}.
 */
@NullMarked
package com.blooio.spring.webhook.event;

import org.jspecify.annotations.NullMarked;
