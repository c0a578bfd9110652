package com.blooio.spring.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioNotYetAvailableException;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.group.CreateGroupRequest;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.group.GroupMember;
import com.blooio.spring.model.group.GroupQuery;
import com.blooio.spring.model.group.GroupSort;
import com.blooio.spring.model.message.Direction;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link GroupOperations} against a mock Blooio server.
 */
class GroupOperationsTests extends BlooioServerTestSupport {

	private static final String GROUP = """
			{
			  "group_id": "grp_7f3k2m9q1x",
			  "name": "Sales Team",
			  "chat_guid": "iMessage;+;chat123456789",
			  "icon_url": "https://cdn.blooio.com/icons/grp_7f3k2m9q1x.png",
			  "member_count": 3,
			  "message_count": 42,
			  "last_message_text": "See you at 10",
			  "last_message_time": 1735324801370,
			  "last_message_direction": "inbound",
			  "created_at": "2025-01-02T03:04:05Z"
			}
			""";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

	@Test
	void listReadsGroupsAndPagination() throws Exception {
		enqueueJson(200,
				"{\"groups\":[" + GROUP + ",{\"group_id\":\"grp_2\",\"name\":null,\"chat_guid\":null,"
						+ "\"member_count\":0,\"last_message_direction\":\"sideways\"}],"
						+ "\"pagination\":{\"limit\":50,\"offset\":0,\"total\":2}}");
		StepVerifier.create(this.blooio.groups().list(GroupQuery.defaults())).assertNext((page) -> {
			assertThat(page.items()).hasSize(2);
			assertSalesTeam(page.items().get(0));
			Group unnamed = page.items().get(1);
			assertThat(unnamed.groupId()).isEqualTo("grp_2");
			assertThat(unnamed.name()).isNull();
			assertThat(unnamed.chatGuid()).isNull();
			assertThat(unnamed.lastMessageDirection()).isNull();
			assertThat(unnamed.addedMembers()).isEmpty();
			assertThat(page.pagination().total()).isEqualTo(2);
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
	}

	@Test
	void listSendsSearchSortLimitAndOffset() throws Exception {
		enqueueJson(200, "{\"groups\":[],\"pagination\":{\"limit\":25,\"offset\":50,\"total\":50}}");
		GroupQuery query = GroupQuery.defaults().limit(25).offset(50).search("Sales & Co").sort(GroupSort.NAME_DESC);
		StepVerifier.create(this.blooio.groups().list(query))
			.assertNext((page) -> assertThat(page.items()).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget())
			.isEqualTo("/v2/api/groups?limit=25&offset=50&q=Sales%20%26%20Co&sort=name_desc");
	}

	@Test
	void listAllWalksTwoPages() throws Exception {
		enqueueJson(200, "{\"groups\":[{\"group_id\":\"grp_1\"},{\"group_id\":\"grp_2\"}],"
				+ "\"pagination\":{\"limit\":2,\"offset\":0,\"total\":3}}");
		enqueueJson(200,
				"{\"groups\":[{\"group_id\":\"grp_3\"}],\"pagination\":{\"limit\":2,\"offset\":2,\"total\":3}}");
		StepVerifier.create(this.blooio.groups().listAll(GroupQuery.defaults().limit(2).sort(GroupSort.OLDEST)))
			.expectNextMatches((group) -> group.groupId().equals("grp_1"))
			.expectNextMatches((group) -> group.groupId().equals("grp_2"))
			.expectNextMatches((group) -> group.groupId().equals("grp_3"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/groups?limit=2&sort=oldest");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/groups?limit=2&offset=2&sort=oldest");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createPostsJsonAndReadsCreatedGroup() throws Exception {
		enqueueJson(201, GROUP.replaceFirst("\\{", "{\"added_members\":[\"+15551234567\",\"jane@example.com\"],"
				+ "\"created_contacts\":[\"jane@example.com\"],"));
		CreateGroupRequest request = CreateGroupRequest.of("Sales Team")
			.chatGuid("iMessage;+;chat123456789")
			.members(List.of("+15551234567", "jane@example.com"));
		StepVerifier.create(this.blooio.groups().create(request)).assertNext((group) -> {
			assertSalesTeam(group);
			assertThat(group.addedMembers()).containsExactly("+15551234567", "jane@example.com");
			assertThat(group.createdContacts()).containsExactly("jane@example.com");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest recorded = takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/v2/api/groups");
		assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(bodyOf(recorded)).isEqualTo("{\"name\":\"Sales Team\",\"chat_guid\":\"iMessage;+;chat123456789\","
				+ "\"members\":[\"+15551234567\",\"jane@example.com\"]}");
	}

	@Test
	void createWithNameOnlyOmitsOptionalFields() throws Exception {
		enqueueJson(201, "{\"group_id\":\"grp_new\",\"name\":\"Team\"}");
		StepVerifier.create(this.blooio.groups().create(CreateGroupRequest.of("Team")))
			.assertNext((group) -> assertThat(group.createdContacts()).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"name\":\"Team\"}");
	}

	@Test
	void createConflictFailsWithoutRetry() {
		enqueueJson(409, "{\"error\":\"ApiError\",\"message\":\"A group with these participants already exists\"}");
		enqueueJson(201, GROUP);
		StepVerifier.create(this.blooio.groups().create(CreateGroupRequest.of("Sales Team")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlooioApiException.class,
					(api) -> assertThat(api.getStatusCode()).isEqualTo(409)))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createWithTooLongNameFailsBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.groups().create(CreateGroupRequest.of("x".repeat(256))))
			.withMessageContaining("255");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void createAcceptsNameOf255Characters() {
		assertThat(CreateGroupRequest.of("x".repeat(255)).name()).hasSize(255);
	}

	@Test
	void renameWithBlankOrTooLongNameFailsBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.groups().rename("grp_1", " "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.groups().rename("grp_1", "x".repeat(256)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void blankGroupIdFailsBeforeSending() {
		StepVerifier.create(this.blooio.groups().get(" "))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void getReadsGroup() throws Exception {
		enqueueJson(200, GROUP);
		StepVerifier.create(this.blooio.groups().get("grp_7f3k2m9q1x"))
			.assertNext(GroupOperationsTests::assertSalesTeam)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_7f3k2m9q1x");
	}

	@Test
	void renamePatchesNameAndReadsDeviceSync() throws Exception {
		enqueueJson(200, GROUP.replaceFirst("\\{", "{\"device_sync\":{\"chat_guid\":\"iMessage;+;chat123456789\","
				+ "\"action\":\"rename\",\"synced\":false,\"error\":\"Device offline\"},"));
		StepVerifier.create(this.blooio.groups().rename("grp_7f3k2m9q1x", "Sales Team")).assertNext((update) -> {
			assertSalesTeam(update.group());
			assertThat(update.deviceSync().chatGuid()).isEqualTo("iMessage;+;chat123456789");
			assertThat(update.deviceSync().action()).isEqualTo("rename");
			assertThat(update.deviceSync().synced()).isFalse();
			assertThat(update.deviceSync().error()).isEqualTo("Device offline");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_7f3k2m9q1x");
		assertThat(bodyOf(request)).isEqualTo("{\"name\":\"Sales Team\"}");
	}

	@Test
	void renameWithoutDeviceSyncReadsNull() {
		enqueueJson(200, GROUP);
		StepVerifier.create(this.blooio.groups().rename("grp_7f3k2m9q1x", "Sales Team"))
			.assertNext((update) -> assertThat(update.deviceSync()).isNull())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void deleteReadsDeletedAt() throws Exception {
		enqueueJson(200, "{\"success\":true,\"deleted_at\":1735324900000}");
		StepVerifier.create(this.blooio.groups().delete("grp_7f3k2m9q1x")).assertNext((deleted) -> {
			assertThat(deleted.success()).isTrue();
			assertThat(deleted.deletedAt()).isEqualTo(Instant.ofEpochMilli(1735324900000L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_7f3k2m9q1x");
		assertThat(request.getBodySize()).isZero();
	}

	@Test
	void setIconFromBytesUploadsMultipartIconPart() throws Exception {
		enqueueJson(200, """
				{"success":true,"group_id":"grp_7f3k2m9q1x","chat_guid":"iMessage;+;chat123456789",
				 "icon_url":"https://cdn.blooio.com/icons/grp_7f3k2m9q1x.png",
				 "device_sync":{"chat_guid":"iMessage;+;chat123456789","synced":true,"message":"Icon updated"},
				 "message":"Group icon updated"}
				""");
		StepVerifier.create(this.blooio.groups().setIcon("grp_7f3k2m9q1x", PNG, "icon.png", MediaType.IMAGE_PNG))
			.assertNext((icon) -> {
				assertThat(icon.success()).isTrue();
				assertThat(icon.groupId()).isEqualTo("grp_7f3k2m9q1x");
				assertThat(icon.chatGuid()).isEqualTo("iMessage;+;chat123456789");
				assertThat(icon.iconUrl()).isEqualTo("https://cdn.blooio.com/icons/grp_7f3k2m9q1x.png");
				assertThat(icon.deviceSync().synced()).isTrue();
				assertThat(icon.deviceSync().message()).isEqualTo("Icon updated");
				assertThat(icon.message()).isEqualTo("Group icon updated");
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_7f3k2m9q1x/icon");
		assertMultipartIcon(request, "icon.png", "image/png");
	}

	@Test
	void setIconFromResourceUploadsMultipartIconPart() throws Exception {
		enqueueJson(200, "{\"success\":true,\"group_id\":\"grp_1\"}");
		ByteArrayResource resource = new ByteArrayResource(PNG) {

			@Override
			public String getFilename() {
				return "team.jpg";
			}

		};
		StepVerifier.create(this.blooio.groups().setIcon("grp_1", resource, MediaType.IMAGE_JPEG))
			.assertNext((icon) -> assertThat(icon.success()).isTrue())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertMultipartIcon(takeRequest(), "team.jpg", "image/jpeg");
	}

	@Test
	void setIconServerErrorIsNotRetried() {
		enqueueJson(502, "{\"error\":\"ApiError\",\"message\":\"Device unreachable\"}");
		enqueueJson(200, "{\"success\":true}");
		StepVerifier.create(this.blooio.groups().setIcon("grp_1", PNG, "icon.png", MediaType.IMAGE_PNG))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlooioApiException.class,
					(api) -> assertThat(api.getStatusCode()).isEqualTo(502)))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void removeIconDeletesIcon() throws Exception {
		enqueueJson(200, "{\"success\":true,\"group_id\":\"grp_1\",\"chat_guid\":\"iMessage;+;chat1\","
				+ "\"device_sync\":{\"chat_guid\":\"iMessage;+;chat1\",\"synced\":true},\"message\":\"Icon removed\"}");
		StepVerifier.create(this.blooio.groups().removeIcon("grp_1")).assertNext((icon) -> {
			assertThat(icon.iconUrl()).isNull();
			assertThat(icon.deviceSync().chatGuid()).isEqualTo("iMessage;+;chat1");
			assertThat(icon.message()).isEqualTo("Icon removed");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_1/icon");
	}

	@Test
	void membersReadsMembersPage() throws Exception {
		enqueueJson(200, """
				{"group_id":"grp_1","group_name":"Sales Team","icon_url":null,
				 "members":[{"id":"gm_1","contact_id":"ct_1","identifier":"+15551234567","name":"Jane Doe",
				             "added_at":1735000000000},
				            {"id":"gm_2","contact_id":"ct_2","identifier":"bob@example.com","name":null,
				             "added_at":"2025-01-02T03:04:05Z"}],
				 "pagination":{"limit":2,"offset":10,"total":12}}
				""");
		StepVerifier.create(this.blooio.groups().members("grp_1", 2, 10)).assertNext((members) -> {
			Page<GroupMember> page = members.page();
			assertThat(page.items()).hasSize(2);
			assertThat(page.items().get(0).id()).isEqualTo("gm_1");
			assertThat(page.items().get(0).contactId()).isEqualTo("ct_1");
			assertThat(page.items().get(0).identifier()).isEqualTo("+15551234567");
			assertThat(page.items().get(0).name()).isEqualTo("Jane Doe");
			assertThat(page.items().get(0).addedAt()).isEqualTo(Instant.ofEpochMilli(1735000000000L));
			assertThat(page.items().get(1).name()).isNull();
			assertThat(page.items().get(1).addedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
			assertThat(page.offset()).isEqualTo(10);
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_1/members?limit=2&offset=10");
	}

	@Test
	void membersReadsTheGroupNameAndIconNextToTheMembers() {
		enqueueJson(200, """
				{"group_id":"grp_1","group_name":"Sales Team","icon_url":"https://cdn.blooio.com/icons/grp_1.png",
				 "members":[{"id":"gm_1","contact_id":"ct_1","identifier":"+15551234567","name":null,
				             "added_at":1735000000000}],
				 "pagination":{"limit":50,"offset":0,"total":1}}
				""");
		StepVerifier.create(this.blooio.groups().members("grp_1", 50, 0)).assertNext((members) -> {
			assertThat(members.groupId()).isEqualTo("grp_1");
			assertThat(members.groupName()).isEqualTo("Sales Team");
			assertThat(members.iconUrl()).isEqualTo("https://cdn.blooio.com/icons/grp_1.png");
			assertThat(members.page().items()).extracting(GroupMember::id).containsExactly("gm_1");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void membersOfAnUnnamedGroupWithoutGroupFieldsKeepTheRequestedGroupId() {
		enqueueJson(200, "{\"group_name\":null,\"icon_url\":null,\"members\":[]}");
		StepVerifier.create(this.blooio.groups().members("grp_1", 50, 0)).assertNext((members) -> {
			assertThat(members.groupId()).isEqualTo("grp_1");
			assertThat(members.groupName()).isNull();
			assertThat(members.iconUrl()).isNull();
			assertThat(members.page().items()).isEmpty();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void membersAllWalksPagesUntilTotal() throws Exception {
		enqueueJson(200, "{\"members\":[{\"id\":\"gm_1\"},{\"id\":\"gm_2\"}],"
				+ "\"pagination\":{\"limit\":2,\"offset\":0,\"total\":3}}");
		enqueueJson(200, "{\"members\":[{\"id\":\"gm_3\"}],\"pagination\":{\"limit\":2,\"offset\":2,\"total\":3}}");
		StepVerifier.create(this.blooio.groups().membersAll("grp_1", 2).map(GroupMember::id))
			.expectNext("gm_1", "gm_2", "gm_3")
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/groups/grp_1/members?limit=2&offset=0");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/groups/grp_1/members?limit=2&offset=2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void addMemberFailsWithNotYetAvailable() {
		enqueueJson(501, "{\"error\":\"Coming soon\",\"message\":\"Adding group members is coming soon\"}");
		StepVerifier.create(this.blooio.groups().addMember("grp_1", "+15551234567"))
			.expectError(BlooioNotYetAvailableException.class)
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void addMemberPostsContactIdAndFailsWith501() throws Exception {
		enqueueJson(501, "{\"error\":\"Coming soon\",\"message\":\"Adding group members is coming soon\"}");
		StepVerifier.create(this.blooio.groups().addMember("grp_1", "+15551234567"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlooioApiException.class,
					(api) -> assertThat(api.getStatusCode()).isEqualTo(501)))
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_1/members");
		assertThat(bodyOf(request)).isEqualTo("{\"contact_id\":\"+15551234567\"}");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void removeMemberDeletesEncodedContactAndFailsWith501() throws Exception {
		enqueueJson(501, "{\"error\":\"Coming soon\",\"message\":\"Removing group members is coming soon\"}");
		StepVerifier.create(this.blooio.groups().removeMember("grp_1", "+15551234567"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(BlooioApiException.class,
					(api) -> assertThat(api.getStatusCode()).isEqualTo(501)))
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/groups/grp_1/members/%2B15551234567");
	}

	private static void assertSalesTeam(Group group) {
		assertThat(group.groupId()).isEqualTo("grp_7f3k2m9q1x");
		assertThat(group.name()).isEqualTo("Sales Team");
		assertThat(group.chatGuid()).isEqualTo("iMessage;+;chat123456789");
		assertThat(group.iconUrl()).isEqualTo("https://cdn.blooio.com/icons/grp_7f3k2m9q1x.png");
		assertThat(group.memberCount()).isEqualTo(3);
		assertThat(group.messageCount()).isEqualTo(42);
		assertThat(group.lastMessageText()).isEqualTo("See you at 10");
		assertThat(group.lastMessageTime()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
		assertThat(group.lastMessageDirection()).isEqualTo(Direction.INBOUND);
		assertThat(group.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
	}

	private static void assertMultipartIcon(RecordedRequest request, String filename, String partContentType) {
		String contentType = request.getHeaders().get("Content-Type");
		assertThat(contentType).startsWith("multipart/form-data").contains("boundary=");
		byte[] body = request.getBody().toByteArray();
		String text = new String(body, StandardCharsets.ISO_8859_1);
		assertThat(text).contains("name=\"icon\"")
			.contains("filename=\"" + filename + "\"")
			.contains("Content-Type: " + partContentType)
			.contains(new String(PNG, StandardCharsets.ISO_8859_1));
		String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
		assertThat(text).contains("--" + boundary).contains("--" + boundary + "--");
	}

}
