package com.blooio.spring.test.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Group icons: set with a {@code multipart/form-data} upload (served back at the group's
 * {@code icon_url}) and removed, each synced to the group's linked chat at once.
 */
final class GroupIconsApi {

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private final SimulatorState state;

	private final GroupsApi groups;

	private final Function<String, String> mediaUrl;

	GroupIconsApi(SimulatorState state, GroupsApi groups, Function<String, String> mediaUrl) {
		this.state = state;
		this.groups = groups;
		this.mediaUrl = mediaUrl;
	}

	ApiReply set(ApiCall call, String groupId) {
		this.state.locked(() -> this.groups.require(groupId));
		MultipartForm.Part icon = call.multipartBody().requireFile("icon").requireImage(MAX_BYTES);
		return this.state.locked(() -> {
			StoredGroup group = this.groups.require(groupId);
			group.iconUrl = this.mediaUrl.apply(this.state.addMedia(new StoredMedia(icon.mediaType(), icon.content())));
			Map<String, Object> json = answer(group, "Group icon updated.");
			json.put("icon_url", group.iconUrl);
			return ApiReply.ok(json);
		});
	}

	ApiReply remove(String groupId) {
		return this.state.locked(() -> {
			StoredGroup group = this.groups.require(groupId);
			group.iconUrl = null;
			return ApiReply.ok(answer(group, "Group icon removed."));
		});
	}

	private static Map<String, Object> answer(StoredGroup group, String message) {
		Map<String, Object> deviceSync = new LinkedHashMap<>();
		deviceSync.put("chat_guid", group.chatGuid);
		deviceSync.put("synced", true);
		deviceSync.put("message", "Synced to the linked iMessage chat.");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("success", true);
		json.put("group_id", group.groupId);
		json.put("chat_guid", group.chatGuid);
		json.put("device_sync", deviceSync);
		json.put("message", message);
		return json;
	}

}
