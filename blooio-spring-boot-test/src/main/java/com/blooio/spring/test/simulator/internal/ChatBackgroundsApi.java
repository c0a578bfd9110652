package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Chat backgrounds: read, set with a {@code multipart/form-data} upload, and remove. The
 * uploaded image is served back at its {@code background_url}, and chats carry
 * {@code background_id} and {@code background_url}.
 */
final class ChatBackgroundsApi {

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private final SimulatorState state;

	private final ChatResolver chats;

	private final Function<String, String> mediaUrl;

	ChatBackgroundsApi(SimulatorState state, ChatResolver chats, Function<String, String> mediaUrl) {
		this.state = state;
		this.chats = chats;
		this.mediaUrl = mediaUrl;
	}

	ApiReply get(String chatId) {
		return this.state.locked(() -> {
			String id = this.chats.normalize(chatId);
			return ApiReply.ok(json(id, this.state.background(id), null));
		});
	}

	ApiReply set(ApiCall call, String chatId) {
		MultipartForm.Part image = call.multipartBody().requireFile("background").requireImage(MAX_BYTES);
		return this.state.locked(() -> {
			String id = this.chats.normalize(chatId);
			String mediaId = this.state.addMedia(new StoredMedia(image.mediaType(), image.content()));
			return ApiReply.ok(json(id, this.state.setBackground(id, this.mediaUrl.apply(mediaId)), true));
		});
	}

	ApiReply remove(String chatId) {
		return this.state.locked(() -> {
			String id = this.chats.normalize(chatId);
			this.state.removeBackground(id);
			return ApiReply.ok(json(id, null, null));
		});
	}

	private static Map<String, Object> json(String chatId, @Nullable StoredBackground background,
			@Nullable Boolean changed) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("chat_id", chatId);
		json.put("has_background", background != null);
		json.put("background_id", (background != null) ? background.id() : null);
		json.put("background_url", (background != null) ? background.url() : null);
		json.put("background_version", (background != null) ? background.version() : null);
		if (changed != null) {
			json.put("changed", changed);
		}
		return json;
	}

}
