/**
 * Auto-configuration of the webhook pipeline shared by both web stacks, its metrics, and
 * the failure analysis of a missing signing secret.
 */
@NullMarked
package com.blooio.spring.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
