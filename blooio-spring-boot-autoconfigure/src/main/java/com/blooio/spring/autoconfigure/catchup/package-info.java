/**
 * Auto-configuration of catch-up after an outage from Blooio's v4 event feed.
 */
@NullMarked
package com.blooio.spring.autoconfigure.catchup;

import org.jspecify.annotations.NullMarked;
