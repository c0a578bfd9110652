package com.blooio.spring.model.chat;

import org.jspecify.annotations.Nullable;

/**
 * A chat's background (wallpaper).
 *
 * @param chatId the chat, or {@code null}
 * @param hasBackground whether a custom background is set, or {@code null}
 * @param backgroundId the background id, or {@code null}
 * @param backgroundUrl where the background image is stored, or {@code null} when none
 * was set through the API or storing it failed
 * @param backgroundVersion the background version, for cache busting, or {@code null}
 * @param changed whether the call changed the background (set only), or {@code null}
 * @since 0.1.0
 */
public record ChatBackground(@Nullable String chatId, @Nullable Boolean hasBackground, @Nullable String backgroundId,
		@Nullable String backgroundUrl, @Nullable Long backgroundVersion, @Nullable Boolean changed) {

}
