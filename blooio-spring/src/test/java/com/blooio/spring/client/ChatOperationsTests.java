package com.blooio.spring.client;

import java.time.Instant;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.model.chat.Chat;
import com.blooio.spring.model.chat.ChatQuery;
import com.blooio.spring.model.chat.ChatSort;
import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.message.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatOperations} against a mock Blooio server.
 */
class ChatOperationsTests extends BlooioServerTestSupport {

	@Test
	void listReadsChatsAndPagination() throws Exception {
		enqueueFixture(200, "response-list-chats.json");
		StepVerifier.create(this.blooio.chats().list(ChatQuery.defaults())).assertNext((page) -> {
			assertThat(page.items()).hasSize(2);
			Chat direct = page.items().get(0);
			assertThat(direct.id()).isEqualTo("+15551234567");
			assertThat(direct.type()).isEqualTo("phone");
			assertThat(direct.isGroup()).isFalse();
			assertThat(direct.group()).isFalse();
			assertThat(direct.groupId()).isNull();
			assertThat(direct.contact()).isEqualTo(new ContactRef("ct_9a8b7c6d", "+15551234567", "Jane Doe"));
			assertThat(direct.messageCount()).isEqualTo(12);
			assertThat(direct.inboundCount()).isEqualTo(5);
			assertThat(direct.outboundCount()).isEqualTo(7);
			assertThat(direct.lastMessageTime()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
			assertThat(direct.lastInboundTime()).isEqualTo(Instant.ofEpochMilli(1735324799871L));
			assertThat(direct.lastMessage().messageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
			assertThat(direct.lastMessage().direction()).isEqualTo(Direction.OUTBOUND);
			assertThat(direct.lastMessage().timeSent()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
			Chat group = page.items().get(1);
			assertThat(group.id()).isEqualTo("grp_7f3k2m9q1x");
			assertThat(group.group()).isTrue();
			assertThat(group.groupName()).isEqualTo("Sales Team");
			assertThat(group.memberCount()).isEqualTo(3);
			assertThat(group.contact()).isNull();
			assertThat(group.lastMessage().direction()).isEqualTo(Direction.INBOUND);
			assertThat(page.pagination().limit()).isEqualTo(50);
			assertThat(page.pagination().total()).isEqualTo(2);
			assertThat(page.offset()).isZero();
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
	}

	@Test
	void listReadsEachChatsBackground() {
		enqueueJson(200, """
				{"chats":[
				  {"id":"+15551234567","type":"phone","is_group":false,"background_id":"bg_1",
				   "background_url":"https://media.blooio.com/backgrounds/bg_1.jpg","last_message_time":1735324801370},
				  {"id":"grp_1","type":"group","is_group":true,"background_id":null,"background_url":null,
				   "last_message_time":1735324801370}],
				 "pagination":{"limit":50,"offset":0,"total":2}}
				""");
		StepVerifier.create(this.blooio.chats().list(ChatQuery.defaults())).assertNext((page) -> {
			assertThat(page.items().get(0).backgroundId()).isEqualTo("bg_1");
			assertThat(page.items().get(0).backgroundUrl()).isEqualTo("https://media.blooio.com/backgrounds/bg_1.jpg");
			assertThat(page.items().get(1).backgroundId()).isNull();
			assertThat(page.items().get(1).backgroundUrl()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void listSendsSearchSortAndLimitEncoded() throws Exception {
		enqueueFixture(200, "response-list-chats.json");
		ChatQuery query = ChatQuery.defaults().search("+1555 Jane&Co").sort(ChatSort.OLDEST).limit(25);
		StepVerifier.create(this.blooio.chats().list(query)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats?limit=25&q=%2B1555%20Jane%26Co&sort=oldest");
		assertThat(request.getUrl().queryParameter("q")).isEqualTo("+1555 Jane&Co");
	}

	@Test
	void listSendsExplicitOffset() throws Exception {
		enqueueFixture(200, "response-list-chats.json");
		StepVerifier.create(this.blooio.chats().list(ChatQuery.defaults().offset(50).sort(ChatSort.RECENT)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats?offset=50&sort=recent");
	}

	@Test
	void getReadsChatDetailWithFirstMessageTime() throws Exception {
		enqueueJson(200, """
				{
				  "id": "+15551234567",
				  "type": "phone",
				  "is_group": false,
				  "contact": {"contact_id": "ct_9a8b7c6d", "identifier": "+15551234567", "name": null},
				  "message_count": 12,
				  "first_message_time": 1735000000000,
				  "last_message_time": 1735324801370
				}
				""");
		StepVerifier.create(this.blooio.chats().get("+15551234567")).assertNext((chat) -> {
			assertThat(chat.id()).isEqualTo("+15551234567");
			assertThat(chat.contact().name()).isNull();
			assertThat(chat.firstMessageTime()).isEqualTo(Instant.ofEpochMilli(1735000000000L));
			assertThat(chat.lastMessageTime()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
			assertThat(chat.lastMessage()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567");
	}

	@Test
	void getReadsTheChatsBackground() {
		enqueueJson(200, """
				{"id":"+15551234567","type":"phone","is_group":false,"background_id":"bg_1",
				 "background_url":"https://media.blooio.com/backgrounds/bg_1.jpg","first_message_time":1735000000000,
				 "last_message_time":1735324801370}
				""");
		StepVerifier.create(this.blooio.chats().get("+15551234567")).assertNext((chat) -> {
			assertThat(chat.backgroundId()).isEqualTo("bg_1");
			assertThat(chat.backgroundUrl()).isEqualTo("https://media.blooio.com/backgrounds/bg_1.jpg");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void markReadPostsToReadWithoutBodyOrIdempotencyKey() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"status\":\"read\",\"marked_at\":1735324900000}");
		StepVerifier.create(this.blooio.chats().markRead("+15551234567")).assertNext((receipt) -> {
			assertThat(receipt.chatId()).isEqualTo("+15551234567");
			assertThat(receipt.status()).isEqualTo("read");
			assertThat(receipt.markedAt()).isEqualTo(Instant.ofEpochMilli(1735324900000L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/read");
		assertThat(request.getBodySize()).isZero();
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
	}

	@Test
	void startTypingPostsToTyping() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"jane@example.com\",\"typing\":true,\"started_at\":1735324900000}");
		StepVerifier.create(this.blooio.chats().startTyping("jane@example.com")).assertNext((typing) -> {
			assertThat(typing.chatId()).isEqualTo("jane@example.com");
			assertThat(typing.typing()).isTrue();
			assertThat(typing.startedAt()).isEqualTo(Instant.ofEpochMilli(1735324900000L));
			assertThat(typing.warning()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/jane%40example.com/typing");
	}

	@Test
	void stopTypingDeletesTyping() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"typing\":false,\"stopped_at\":1735324901000}");
		StepVerifier.create(this.blooio.chats().stopTyping("+15551234567")).assertNext((typing) -> {
			assertThat(typing.typing()).isFalse();
			assertThat(typing.stoppedAt()).isEqualTo(Instant.ofEpochMilli(1735324901000L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/typing");
	}

	@Test
	void startTypingOnRcsChatReportsWarning() {
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"typing\":true,\"started_at\":1735324900000,"
				+ "\"warning\":\"Typing indicators are not supported on RCS\"}");
		StepVerifier.create(this.blooio.chats().startTyping("+15551234567"))
			.assertNext(
					(typing) -> assertThat(typing.warning()).isEqualTo("Typing indicators are not supported on RCS"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

}
