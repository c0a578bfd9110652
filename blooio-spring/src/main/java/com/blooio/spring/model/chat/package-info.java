/**
 * Chats: listing, read receipts, typing indicators and backgrounds.
 */
@NullMarked
package com.blooio.spring.model.chat;

import org.jspecify.annotations.NullMarked;
