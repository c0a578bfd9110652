package com.blooio.spring.client.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.GroupOperations;
import com.blooio.spring.model.DeleteResult;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.group.CreateGroupRequest;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.group.GroupDeviceSync;
import com.blooio.spring.model.group.GroupIcon;
import com.blooio.spring.model.group.GroupMember;
import com.blooio.spring.model.group.GroupMemberRemoved;
import com.blooio.spring.model.group.GroupMembers;
import com.blooio.spring.model.group.GroupMembership;
import com.blooio.spring.model.group.GroupQuery;
import com.blooio.spring.model.group.GroupUpdate;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * {@link GroupOperations} over {@link ApiClient}.
 */
final class TemplateGroups implements GroupOperations {

	private static final String ICON_PART = "icon";

	private final ApiClient api;

	private final SearchableListing<Group> listing;

	TemplateGroups(ApiClient api) {
		this.api = api;
		this.listing = new SearchableListing<>(api, "listGroups", "/groups", "groups", Group.class);
	}

	@Override
	public Mono<Page<Group>> list(GroupQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.page(search(query));
	}

	@Override
	public Flux<Group> listAll(GroupQuery query) {
		Assert.notNull(query, "query must not be null");
		return this.listing.all(search(query));
	}

	private static SearchableListing.Search search(GroupQuery query) {
		return new SearchableListing.Search(query.limit(), query.offset(), query.search(),
				(query.sort() != null) ? query.sort().wireValue() : null);
	}

	@Override
	public Mono<Group> create(CreateGroupRequest request) {
		Assert.notNull(request, "request must not be null");
		return Mono.defer(() -> this.api.retrieve(ApiRequest.post("createGroup", "/groups")
			.body(this.api.json().write(request))
			.build(this.api.settings().baseUrl()), Group.class));
	}

	@Override
	public Mono<Group> get(String groupId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.get("getGroup", "/groups/{groupId}", groupId).build(this.api.settings().baseUrl()),
				Group.class));
	}

	@Override
	public Mono<GroupUpdate> rename(String groupId, String name) {
		CreateGroupRequest.checkName(name);
		return Mono.defer(() -> {
			ApiRequest call = ApiRequest.patch("updateGroup", "/groups/{groupId}", groupId)
				.body(this.api.json().write(Map.of("name", name)))
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call,
					(response) -> new GroupUpdate(this.api.json().read(response.body(), Group.class),
							this.api.json().read(response.body(), DeviceSyncEnvelope.class).deviceSync()));
		});
	}

	@Override
	public Mono<DeleteResult> delete(String groupId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.delete("deleteGroup", "/groups/{groupId}", groupId).build(this.api.settings().baseUrl()),
				DeleteResult.class));
	}

	@Override
	public Mono<GroupIcon> setIcon(String groupId, Resource icon, MediaType contentType) {
		Assert.notNull(icon, "icon must not be null");
		Assert.notNull(contentType, "contentType must not be null");
		return Mono.defer(() -> {
			MultipartBodyBuilder parts = new MultipartBodyBuilder();
			MultipartBodyBuilder.PartBuilder part = parts.part(ICON_PART, icon).contentType(contentType);
			if (icon.getFilename() == null) {
				part.filename(ICON_PART);
			}
			return uploadIcon(groupId, parts.build());
		});
	}

	@Override
	public Mono<GroupIcon> setIcon(String groupId, byte[] icon, String filename, MediaType contentType) {
		Assert.isTrue(icon != null && icon.length > 0, "icon must not be empty");
		Assert.hasText(filename, "filename must not be empty");
		Assert.notNull(contentType, "contentType must not be null");
		return Mono.defer(() -> {
			MultipartBodyBuilder parts = new MultipartBodyBuilder();
			parts.part(ICON_PART, icon).filename(filename).contentType(contentType);
			return uploadIcon(groupId, parts.build());
		});
	}

	private Mono<GroupIcon> uploadIcon(String groupId, MultiValueMap<String, HttpEntity<?>> parts) {
		ApiRequest call = ApiRequest.post("setGroupIcon", "/groups/{groupId}/icon", groupId)
			.multipart(parts)
			.build(this.api.settings().baseUrl());
		return this.api.retrieve(call, GroupIcon.class);
	}

	@Override
	public Mono<GroupIcon> removeIcon(String groupId) {
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.delete("removeGroupIcon", "/groups/{groupId}/icon", groupId)
				.build(this.api.settings().baseUrl()), GroupIcon.class));
	}

	@Override
	public Mono<GroupMembers> members(String groupId, int limit, int offset) {
		Assert.isTrue(limit >= 1 && limit <= 200, "limit must be between 1 and 200");
		Assert.isTrue(offset >= 0, "offset must not be negative");
		return Mono.defer(() -> {
			ApiRequest call = ApiRequest.get("listGroupMembers", "/groups/{groupId}/members", groupId)
				.query("limit", limit)
				.query("offset", offset)
				.build(this.api.settings().baseUrl());
			return this.api.retrieve(call, (response) -> {
				Page<GroupMember> page = this.api.json()
					.readPage(response.body(), "members", GroupMember.class, offset, limit);
				MembersEnvelope group = this.api.json().read(response.body(), MembersEnvelope.class);
				return new GroupMembers((group.groupId() != null) ? group.groupId() : groupId.trim(), group.groupName(),
						group.iconUrl(), page);
			});
		});
	}

	@Override
	public Flux<GroupMember> membersAll(String groupId, int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= 200, "pageSize must be between 1 and 200");
		return Paginator.items(0, (offset) -> members(groupId, pageSize, offset).map(GroupMembers::page));
	}

	@Override
	public Mono<GroupMembership> addMember(String groupId, String contact) {
		Assert.hasText(contact, "contact must not be empty");
		return Mono
			.defer(() -> this.api.retrieve(ApiRequest.post("addGroupMember", "/groups/{groupId}/members", groupId)
				.body(this.api.json().write(Map.of("contact_id", contact.trim())))
				.build(this.api.settings().baseUrl()), GroupMembership.class));
	}

	@Override
	public Mono<GroupMemberRemoved> removeMember(String groupId, String contactId) {
		return Mono.defer(() -> this.api.retrieve(
				ApiRequest.delete("removeGroupMember", "/groups/{groupId}/members/{contactId}", groupId, contactId)
					.build(this.api.settings().baseUrl()),
				GroupMemberRemoved.class));
	}

	/**
	 * The {@code device_sync} field of an update response, read next to the group.
	 */
	record DeviceSyncEnvelope(@Nullable GroupDeviceSync deviceSync) {

	}

	/**
	 * The group fields of a members page, read next to the members.
	 */
	record MembersEnvelope(@Nullable String groupId, @Nullable String groupName, @Nullable String iconUrl) {

	}

}
