/**
 * Catch-up after an outage: events Blooio's v4 event feed holds that this application may
 * have missed are published through the same pipeline and de-duplication store as
 * webhooks, from a checkpoint kept in a {@link CatchUpCheckpointStore}.
 */
@NullMarked
package com.blooio.spring.webhook.catchup;

import org.jspecify.annotations.NullMarked;
