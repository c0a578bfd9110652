package com.blooio.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.DeleteResult;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.group.CreateGroupRequest;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.group.GroupIcon;
import com.blooio.spring.model.group.GroupMember;
import com.blooio.spring.model.group.GroupMemberRemoved;
import com.blooio.spring.model.group.GroupMembers;
import com.blooio.spring.model.group.GroupMembership;
import com.blooio.spring.model.group.GroupQuery;
import com.blooio.spring.model.group.GroupUpdate;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * Group chats: create, list, rename and delete them, set their icon, list their members.
 * Send to a group with {@link MessageOperations} using the group id as {@code chatId}.
 *
 * @since 0.1.0
 */
public interface GroupOperations {

	/**
	 * Lists one page of groups, most recent first unless the query sorts otherwise.
	 * @param query search and paging
	 * @return the page
	 */
	Mono<Page<Group>> list(GroupQuery query);

	/**
	 * Lists every group matching the query, fetching the next page only when the
	 * subscriber asks for more.
	 * @param query search, page size and start offset
	 * @return the groups
	 */
	Flux<Group> listAll(GroupQuery query);

	/**
	 * Creates a group. Not retried once it may have reached Blooio; a 409 means the chat
	 * GUID is already linked or a group with the same participants exists.
	 * @param request name, optional chat GUID and members
	 * @return the created group, with the added members and created contacts
	 */
	Mono<Group> create(CreateGroupRequest request);

	/**
	 * Fetches one group.
	 * @param groupId the group
	 * @return the group
	 */
	Mono<Group> get(String groupId);

	/**
	 * Renames a group, and the linked iMessage chat with it.
	 * @param groupId the group
	 * @param name the new name, not blank, at most 255 characters
	 * @return the renamed group and the device sync result
	 * @throws IllegalArgumentException if the name is blank or too long (nothing is sent)
	 */
	Mono<GroupUpdate> rename(String groupId, String name);

	/**
	 * Deletes a group (soft delete); a linked number leaves the iMessage chat.
	 * @param groupId the group
	 * @return Blooio's answer
	 */
	Mono<DeleteResult> delete(String groupId);

	/**
	 * Sets the icon of a group linked to an iMessage chat, uploaded as the
	 * {@code multipart/form-data} part {@code icon}. A resource that can be read only
	 * once cannot be sent again on a retry.
	 * @param groupId the group
	 * @param icon the image (JPEG, PNG, GIF, WebP or HEIC, at most 10 MB)
	 * @param contentType the image's media type
	 * @return Blooio's answer
	 */
	Mono<GroupIcon> setIcon(String groupId, Resource icon, MediaType contentType);

	/**
	 * Sets the icon of a group linked to an iMessage chat, uploaded as the
	 * {@code multipart/form-data} part {@code icon}.
	 * @param groupId the group
	 * @param icon the image bytes (JPEG, PNG, GIF, WebP or HEIC, at most 10 MB)
	 * @param filename the file name to send, e.g. {@code icon.png}
	 * @param contentType the image's media type
	 * @return Blooio's answer
	 */
	Mono<GroupIcon> setIcon(String groupId, byte[] icon, String filename, MediaType contentType);

	/**
	 * Removes the icon of a group linked to an iMessage chat.
	 * @param groupId the group
	 * @return Blooio's answer
	 */
	Mono<GroupIcon> removeIcon(String groupId);

	/**
	 * Lists one page of a group's members, with the group's name and icon.
	 * @param groupId the group
	 * @param limit page size, 1 to 200
	 * @param offset offset of the first member
	 * @return the page and the group
	 */
	Mono<GroupMembers> members(String groupId, int limit, int offset);

	/**
	 * Lists every member of a group, fetching the next page only when the subscriber asks
	 * for more.
	 * @param groupId the group id
	 * @param pageSize members per page, 1 to 200
	 * @return the members
	 */
	Flux<GroupMember> membersAll(String groupId, int pageSize);

	/**
	 * Adds a member. <strong>Not yet available:</strong> Blooio answers 501.
	 * @param groupId the group
	 * @param contact phone number (E.164) or email address
	 * @return Blooio's answer
	 */
	Mono<GroupMembership> addMember(String groupId, String contact);

	/**
	 * Removes a member. <strong>Not yet available:</strong> Blooio answers 501.
	 * @param groupId the group
	 * @param contactId the member's contact id
	 * @return Blooio's answer
	 */
	Mono<GroupMemberRemoved> removeMember(String groupId, String contactId);

}
