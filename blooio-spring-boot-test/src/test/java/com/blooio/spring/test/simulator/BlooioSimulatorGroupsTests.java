package com.blooio.spring.test.simulator;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.group.CreateGroupRequest;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.group.GroupIcon;
import com.blooio.spring.model.group.GroupMember;
import com.blooio.spring.model.group.GroupMembers;
import com.blooio.spring.model.group.GroupMembership;
import com.blooio.spring.model.group.GroupUpdate;
import com.blooio.spring.model.message.SendMessageResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the simulator's groups.
 */
class BlooioSimulatorGroupsTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TEAM = "{\"name\":\"Team\",\"members\":[\"+15551110000\",\"+15552220000\"]}";

	@Test
	void createGroupAnswers201WithAddedMembers() throws Exception {
		HttpResponse<String> response = call("POST", "/groups", TEAM);
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode group = JSON.readTree(response.body());
		assertThat(group.path("group_id").asString()).startsWith("grp_");
		assertThat(group.path("name").asString()).isEqualTo("Team");
		assertThat(group.path("member_count").asInt()).isEqualTo(2);
		assertThat(group.path("created_at").isNumber()).isTrue();
		assertThat(group.path("added_members")).extracting(JsonNode::asString)
			.containsExactly("+15551110000", "+15552220000");
		assertThat(this.sim.groups()).singleElement()
			.satisfies((entry) -> assertThat(entry.groupId()).isEqualTo(group.path("group_id").asString()));
		assertThat(this.sim.contacts()).hasSize(2);
	}

	@Test
	void nameLongerThan255IsRejected() throws Exception {
		HttpResponse<String> response = call("POST", "/groups", "{\"name\":\"" + "x".repeat(256) + "\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.sim.groups()).isEmpty();
	}

	@Test
	void listIsPaginated() throws Exception {
		call("POST", "/groups", TEAM);
		call("POST", "/groups", "{\"name\":\"Family\"}");
		JsonNode page = JSON.readTree(call("GET", "/groups?limit=1", null).body());
		assertThat(page.path("groups")).hasSize(1);
		assertThat(page.path("pagination").path("total").asInt()).isEqualTo(2);
	}

	@Test
	void patchRenamesTheGroup() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		HttpResponse<String> response = call("PATCH", "/groups/" + groupId, "{\"name\":\"Crew\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("Crew");
		assertThat(JSON.readTree(call("GET", "/groups/" + groupId, null).body()).path("name").asString())
			.isEqualTo("Crew");
	}

	@Test
	void deleteAnswersSuccessAndForgetsTheGroup() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		HttpResponse<String> response = call("DELETE", "/groups/" + groupId, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("success").asBoolean()).isTrue();
		assertThat(call("GET", "/groups/" + groupId, null).statusCode()).isEqualTo(404);
	}

	@Test
	void membersAreListed() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		JsonNode members = JSON.readTree(call("GET", "/groups/" + groupId + "/members", null).body());
		assertThat(members.path("group_id").asString()).isEqualTo(groupId);
		assertThat(members.path("group_name").asString()).isEqualTo("Team");
		assertThat(members.path("members")).extracting((member) -> member.path("identifier").asString())
			.containsExactly("+15551110000", "+15552220000");
		assertThat(members.path("members").get(0).path("contact_id").asString()).startsWith("ct_");
		assertThat(members.path("pagination").path("total").asInt()).isEqualTo(2);
	}

	@Test
	void addingAMemberAnswers201AndListsTheNewMember() {
		Group group = this.blooio.groups()
			.create(CreateGroupRequest.of("Team").members(List.of("+15551110000")))
			.block(TIMEOUT);
		GroupMembership added = this.blooio.groups().addMember(group.groupId(), "+15553330000").block(TIMEOUT);
		assertThat(added.member().identifier()).isEqualTo("+15553330000");
		assertThat(added.contactCreated()).isTrue();
		assertThat(this.blooio.groups().members(group.groupId(), 50, 0).block(TIMEOUT).page().items())
			.extracting(GroupMember::identifier)
			.containsExactly("+15551110000", "+15553330000");
	}

	@Test
	void membersPageNamesTheGroupNextToItsMembers() {
		Group group = this.blooio.groups()
			.create(CreateGroupRequest.of("Team").members(List.of("+15551110000")))
			.block(TIMEOUT);
		GroupMembers members = this.blooio.groups().members(group.groupId(), 50, 0).block(TIMEOUT);
		assertThat(members.groupId()).isEqualTo(group.groupId());
		assertThat(members.groupName()).isEqualTo("Team");
	}

	@Test
	void addingAnExistingMemberAnswers200WithTheMember() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		HttpResponse<String> response = call("POST", "/groups/" + groupId + "/members",
				"{\"contact_id\":\"+15551110000\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode json = JSON.readTree(response.body());
		assertThat(json.path("member").path("identifier").asString()).isEqualTo("+15551110000");
		assertThat(json.path("message").isString()).isTrue();
	}

	@Test
	void removingAMemberTakesItOutOfTheGroup() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		HttpResponse<String> response = call("DELETE", "/groups/" + groupId + "/members/+15551110000", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("removed_at").isNumber()).isTrue();
		assertThat(this.sim.groups()).singleElement()
			.satisfies((group) -> assertThat(group.members()).containsExactly("+15552220000"));
	}

	@Test
	void sendToSeveralRecipientsCreatesThenReusesAnUnnamedGroup() {
		SendMessageResponse first = this.blooio.send("+15551110000,+15552220000", "hi all").block(TIMEOUT);
		SendMessageResponse second = this.blooio.send("+15551110000,+15552220000", "again").block(TIMEOUT);
		assertThat(first.groupId()).startsWith("grp_");
		assertThat(first.groupCreated()).isTrue();
		assertThat(first.participants()).containsExactly("+15551110000", "+15552220000");
		assertThat(second.groupId()).isEqualTo(first.groupId());
		assertThat(second.groupCreated()).isFalse();
		assertThat(this.sim.groups()).singleElement().satisfies((group) -> assertThat(group.name()).isNull());
		assertThat(this.sim.conversation(first.groupId())).extracting(ConversationEntry::text)
			.containsExactly("hi all", "again");
	}

	@Test
	void sendToAnUnknownGroupIsNotFound() {
		assertThatExceptionOfType(BlooioApiException.class)
			.isThrownBy(() -> this.blooio.send("grp_unknown", "hi").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
		assertThat(this.sim.sentMessages()).isEmpty();
	}

	@Test
	void sendToACreatedGroupIsAccepted() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		this.blooio.send(groupId, "hello team").block(TIMEOUT);
		JsonNode group = JSON.readTree(call("GET", "/groups/" + groupId, null).body());
		assertThat(group.path("message_count").asInt()).isEqualTo(1);
		assertThat(group.path("last_message_text").asString()).isEqualTo("hello team");
	}

	@Test
	void simulatedInboundGroupIsAGroup() throws Exception {
		this.sim.group("grp_abc", "Team", List.of("+15551110000", "+15552220000"));
		JsonNode group = JSON.readTree(call("GET", "/groups/grp_abc", null).body());
		assertThat(group.path("name").asString()).isEqualTo("Team");
		assertThat(group.path("member_count").asInt()).isEqualTo(2);
	}

	@Test
	void renameAnswersADeviceSyncWithTheLinkedChat() throws Exception {
		String groupId = JSON.readTree(call("POST", "/groups", TEAM).body()).path("group_id").asString();
		GroupUpdate update = this.blooio.groups().rename(groupId, "Team 2").block(TIMEOUT);
		assertThat(update.group().name()).isEqualTo("Team 2");
		assertThat(update.deviceSync().chatGuid()).isNotBlank().isEqualTo(update.group().chatGuid());
		assertThat(update.deviceSync().synced()).isTrue();
		JsonNode wire = JSON.readTree(call("PATCH", "/groups/" + groupId, "{\"name\":\"Team 3\"}").body());
		assertThat(wire.path("device_sync").path("chat_guid").isString()).isTrue();
		assertThat(wire.path("device_sync").has("action")).isFalse();
	}

	@Test
	void iconUploadSetsTheGroupsIconUrl() {
		Group group = this.blooio.groups().create(CreateGroupRequest.of("Team")).block(TIMEOUT);
		GroupIcon icon = this.blooio.groups()
			.setIcon(group.groupId(), new byte[] { 1, 2, 3 }, "icon.png", MediaType.IMAGE_PNG)
			.block(TIMEOUT);
		assertThat(icon.success()).isTrue();
		assertThat(icon.iconUrl()).contains("/simulator/media/");
		assertThat(icon.deviceSync().synced()).isTrue();
		assertThat(this.blooio.groups().get(group.groupId()).block(TIMEOUT).iconUrl()).isEqualTo(icon.iconUrl());
	}

	@Test
	void removedIconIsGoneFromTheGroup() {
		Group group = this.blooio.groups().create(CreateGroupRequest.of("Team")).block(TIMEOUT);
		this.blooio.groups().setIcon(group.groupId(), new byte[] { 1 }, "icon.png", MediaType.IMAGE_PNG).block(TIMEOUT);
		GroupIcon removed = this.blooio.groups().removeIcon(group.groupId()).block(TIMEOUT);
		assertThat(removed.success()).isTrue();
		assertThat(this.blooio.groups().get(group.groupId()).block(TIMEOUT).iconUrl()).isNull();
	}

}
