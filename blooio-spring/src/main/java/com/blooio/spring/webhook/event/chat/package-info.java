/**
 * Typed events for what happens in a chat besides messages, sent by Blooio's v4 webhooks:
 * typing indicators, group changes, shared and merged contacts, and polls.
 */
@NullMarked
package com.blooio.spring.webhook.event.chat;

import org.jspecify.annotations.NullMarked;
