/**
 * Auto-configuration of the webhook pipeline shared by both web stacks, its
 * de-duplication stores and metrics, and the failure analysis of a missing signing secret
 * or store.
 */
@NullMarked
package com.blooio.spring.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
