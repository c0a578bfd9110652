/**
 * Group chats: creating, renaming, members and icons.
 */
@NullMarked
package com.blooio.spring.model.group;

import org.jspecify.annotations.NullMarked;
