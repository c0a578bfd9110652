package com.blooio.spring.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import reactor.test.StepVerifier;

import com.blooio.spring.model.SortOrder;
import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.LinkPreview;
import com.blooio.spring.model.message.MessageEffect;
import com.blooio.spring.model.message.MessageFormat;
import com.blooio.spring.model.message.MessagePart;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.MessageReaction;
import com.blooio.spring.model.message.Protocol;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReplyTo;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.model.message.Tapback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MessageOperations} against a mock Blooio server.
 */
class MessageOperationsTests extends BlooioServerTestSupport {

	@Test
	void sendEncodesPlusInChatIdAndSendsBearerKeyAndGeneratedIdempotencyKey() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "hi")).assertNext((response) -> {
			assertThat(response.messageId()).isEqualTo("Qm8FhbH3P7R");
			assertThat(response.status()).isEqualTo(DeliveryStatus.QUEUED);
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		String key = request.getHeaders().get("Idempotency-Key");
		assertThat(key).isNotNull();
		assertThat(UUID.fromString(key).toString()).isEqualTo(key);
		JSONAssert.assertEquals("{\"text\":\"hi\"}", bodyOf(request), JSONCompareMode.STRICT);
		assertThat(bodyOf(request)).isEqualTo("{\"text\":\"hi\"}");
	}

	@Test
	void sendGeneratesANewIdempotencyKeyForEachSend() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "one"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		StepVerifier.create(this.blooio.messages().send("+15551234567", "two"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		String first = takeRequest().getHeaders().get("Idempotency-Key");
		String second = takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(first).isNotNull().isNotEqualTo(second);
	}

	@Test
	void sendWritesEveryFieldOfTheFullRequestAsBlooioExpects() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder()
			.text("Order #1234 confirmed")
			.attachment("https://example.com/receipt.pdf")
			.attachment("https://example.com/photo.jpg", "photo.jpg")
			.fromNumber("+15559998888")
			.useTypingIndicator(true)
			.shareContact(false)
			.effect(MessageEffect.CONFETTI)
			.replyTo(ReplyTo.message("CZIsqG9ZWd9gwjIEhZpHY"))
			.build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals(fixture("request-send-message.full.json"), bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendWithMarkdownFormatWritesFormatNextToText() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder()
			.text("**Shipped** today")
			.format(MessageFormat.MARKDOWN)
			.build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":\"**Shipped** today\",\"format\":\"markdown\"}", bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendWithPlainFormatWritesPlain() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder().text("2 * 3 = 6").format(MessageFormat.PLAIN).build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":\"2 * 3 = 6\",\"format\":\"plain\"}", bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendWithMarkdownPartsWritesFormatNextToParts() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder()
			.part(MessagePart.text("~~old~~ **new**"))
			.format(MessageFormat.MARKDOWN)
			.build();
		StepVerifier.create(this.blooio.messages().send("grp_7f3k2m9q1x", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"parts\":[{\"text\":\"~~old~~ **new**\"}],\"format\":\"markdown\"}",
				bodyOf(takeRequest()), JSONCompareMode.STRICT);
	}

	@Test
	void sendWithoutFormatSendsNoFormatField() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "**not styled**"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":\"**not styled**\"}", bodyOf(takeRequest()), JSONCompareMode.STRICT);
	}

	@Test
	void formatOutlivesToBuilder() {
		SendMessageRequest request = SendMessageRequest.builder().text("**a**").format(MessageFormat.MARKDOWN).build();
		assertThat(request.toBuilder().build().getFormat()).isEqualTo(MessageFormat.MARKDOWN);
		assertThat(request.toString()).contains("format=markdown");
	}

	@Test
	void formatIsAnOpenValue() {
		assertThat(MessageFormat.of(" Markdown ")).isEqualTo(MessageFormat.MARKDOWN);
		assertThat(MessageFormat.of("html").value()).isEqualTo("html");
	}

	@Test
	void buildingMarkdownWithAttachmentsFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SendMessageRequest.builder()
				.text("**see photo**")
				.attachment("https://example.com/photo.jpg")
				.format(MessageFormat.MARKDOWN)
				.build())
			.withMessageContaining("Markdown cannot be combined with attachments");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void sendWritesMentionAndNamedAttachmentParts() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder()
			.part(MessagePart.mention("@Jane see attached", "+15551234567"))
			.part(MessagePart.attachment("https://example.com/spec.pdf", "spec.pdf"))
			.build();
		StepVerifier.create(this.blooio.messages().send("grp_7f3k2m9q1x", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals(fixture("request-send-message.parts.json"), bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendTextsWritesTextArrayAndReadsEveryMessageId() throws Exception {
		enqueueFixture(202, "response-send-message.202-text-array.json");
		SendMessageRequest request = SendMessageRequest.builder().texts("a", "b").build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request)).assertNext((response) -> {
			assertThat(response.messageId()).isNull();
			assertThat(response.messageIds()).containsExactly("Qm8FhbH3P7R", "Tx2LpQ9vK4m");
			assertThat(response.allMessageIds()).containsExactly("Qm8FhbH3P7R", "Tx2LpQ9vK4m");
			assertThat(response.count()).isEqualTo(2);
			assertThat(response.status()).isEqualTo(DeliveryStatus.QUEUED);
		}).expectComplete().verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":[\"a\",\"b\"]}", bodyOf(takeRequest()), JSONCompareMode.STRICT);
	}

	@Test
	void sendSingleTextReportsItsIdInAllMessageIds() {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "hi"))
			.assertNext((response) -> assertThat(response.allMessageIds()).containsExactly("Qm8FhbH3P7R"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void sendUsesTheCallersIdempotencyKeyAndReportsIt() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder().text("hi").idempotencyKey("order-123").build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request)).assertNext((response) -> {
			assertThat(response.idempotencyKey()).isEqualTo("order-123");
			assertThat(response.replayed()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest recorded = takeRequest();
		assertThat(recorded.getHeaders().get("Idempotency-Key")).isEqualTo("order-123");
		JSONAssert.assertEquals("{\"text\":\"hi\"}", bodyOf(recorded), JSONCompareMode.STRICT);
	}

	@Test
	void sendAnsweredWith200IsReportedAsReplayed() throws Exception {
		enqueueFixture(200, "response-send-message.200-idempotent-replay.json");
		SendMessageRequest request = SendMessageRequest.builder().text("hi").idempotencyKey("order-123").build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request)).assertNext((response) -> {
			assertThat(response.replayed()).isTrue();
			assertThat(response.idempotencyKey()).isEqualTo("order-123");
			assertThat(response.messageId()).isEqualTo("Qm8FhbH3P7R");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void sendAnsweredWith202IsNotReplayedAndReportsTheGeneratedKey() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageResponse[] result = new SendMessageResponse[1];
		StepVerifier.create(this.blooio.messages().send("+15551234567", "hi"))
			.consumeNextWith((response) -> result[0] = response)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(result[0].replayed()).isFalse();
		assertThat(result[0].idempotencyKey()).isEqualTo(takeRequest().getHeaders().get("Idempotency-Key"));
	}

	@Test
	void sendEncodesAtSignInEmailChatId() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("jane@example.com", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/jane%40example.com/messages");
	}

	@Test
	void sendEncodesPlusAndCommaInMultiRecipientChatId() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551111111,+15552222222", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551111111%2C%2B15552222222/messages");
	}

	@Test
	void sendPassesGroupIdUnchanged() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("grp_7f3k2m9q1x", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/grp_7f3k2m9q1x/messages");
	}

	@Test
	void sendAddsDefaultFromNumberWhenRequestHasNone() throws Exception {
		template(settings().withDefaultFromNumber("+15559998888"));
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":\"hi\",\"from_number\":\"+15559998888\"}", bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendKeepsTheRequestsOwnFromNumberOverTheDefault() throws Exception {
		template(settings().withDefaultFromNumber("+15559998888"));
		enqueueFixture(202, "response-send-message.202.json");
		SendMessageRequest request = SendMessageRequest.builder().text("hi").fromNumber("+15557776666").build();
		StepVerifier.create(this.blooio.messages().send("+15551234567", request))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		JSONAssert.assertEquals("{\"text\":\"hi\",\"from_number\":\"+15557776666\"}", bodyOf(takeRequest()),
				JSONCompareMode.STRICT);
	}

	@Test
	void sendWithoutDefaultFromNumberOmitsFromNumber() throws Exception {
		enqueueFixture(202, "response-send-message.202.json");
		StepVerifier.create(this.blooio.messages().send("+15551234567", "hi"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).doesNotContain("from_number");
	}

	@Test
	void buildingAMessageWithoutContentFailsAndSendsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> SendMessageRequest.builder().build())
			.withMessageContaining("text, attachments or parts");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void buildingAMessageWithEffectAndPartsFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> SendMessageRequest.builder().part(MessagePart.text("hi")).effect(MessageEffect.SLAM).build())
			.withMessageContaining("effect");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void buildingAReplyToSeveralTextsFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SendMessageRequest.builder()
				.texts("a", "b")
				.replyTo(ReplyTo.message("CZIsqG9ZWd9gwjIEhZpHY"))
				.build())
			.withMessageContaining("replyTo");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void buildingAReplyToLinkPreviewPartsFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SendMessageRequest.builder()
				.part(MessagePart.linkPreview("https://example.com", new LinkPreview(null, "Example")))
				.replyTo(ReplyTo.message("CZIsqG9ZWd9gwjIEhZpHY"))
				.build())
			.withMessageContaining("replyTo");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void sendToBlankChatIdFailsWithoutSending() {
		StepVerifier.create(this.blooio.messages().send(" ", "hi"))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void sendToADotDotChatIdFailsWithoutSending() {
		StepVerifier.create(this.blooio.messages().send("..", "hi"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("must not be '..'"))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void getReadsEveryFieldOfAMessage() throws Exception {
		enqueueFixture(200, "response-get-message.json");
		StepVerifier.create(this.blooio.messages().get("+15551234567", "gK2Ig_XGR2M6UkSgmT9FK"))
			.assertNext((message) -> {
				assertThat(message.messageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
				assertThat(message.chatId()).isEqualTo("+15551234567");
				assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
				assertThat(message.internalId()).isEqualTo("+15559998888");
				assertThat(message.contact()).isEqualTo(new ContactRef("ct_9a8b7c6d", "+15551234567", "Jane Doe"));
				assertThat(message.sender()).isNull();
				assertThat(message.text()).isEqualTo("Thanks for contacting us! How can I help?");
				assertThat(message.attachments()).isEmpty();
				assertThat(message.reactions()).containsExactly(
						new MessageReaction("love", true, Instant.ofEpochMilli(1735325000333L), "+15551234567"));
				assertThat(message.timeSent()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
				assertThat(message.timeDelivered()).isEqualTo(Instant.ofEpochMilli(1735324802511L));
				assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
				assertThat(message.protocol()).isEqualTo(Protocol.IMESSAGE);
				assertThat(message.error()).isNull();
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages/gK2Ig_XGR2M6UkSgmT9FK");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
	}

	@Test
	void getEncodesReservedCharactersInMessageIdSoTheyStayInOneSegment() throws Exception {
		enqueueJson(200, "{\"message_id\":\"a/b?c#d\"}");
		StepVerifier.create(this.blooio.messages().get("+15551234567", "a/b?c#d %"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages/a%2Fb%3Fc%23d%20%25");
	}

	@Test
	void statusReadsTheMessageStatus() throws Exception {
		enqueueFixture(200, "response-message-status.json");
		StepVerifier.create(this.blooio.messages().status("+15551234567", "gK2Ig_XGR2M6UkSgmT9FK"))
			.assertNext((status) -> {
				assertThat(status.messageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
				assertThat(status.chatId()).isEqualTo("+15551234567");
				assertThat(status.direction()).isEqualTo(Direction.OUTBOUND);
				assertThat(status.status()).isEqualTo(DeliveryStatus.DELIVERED);
				assertThat(status.protocol()).isEqualTo(Protocol.IMESSAGE);
				assertThat(status.timeSent()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
				assertThat(status.timeDelivered()).isEqualTo(Instant.ofEpochMilli(1735324802511L));
				assertThat(status.error()).isNull();
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages/gK2Ig_XGR2M6UkSgmT9FK/status");
	}

	@Test
	void listSendsEveryFilterInTheQueryString() throws Exception {
		enqueueFixture(200, "response-list-messages.json");
		Instant since = Instant.ofEpochMilli(1735324700000L);
		Instant until = Instant.ofEpochMilli(1735324900000L);
		MessageQuery query = MessageQuery.defaults()
			.limit(100)
			.offset(0)
			.sort(SortOrder.DESC)
			.direction(Direction.INBOUND)
			.since(since)
			.until(until);
		StepVerifier.create(this.blooio.messages().list("+15551234567", query))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages"
				+ "?limit=100&offset=0&sort=desc&direction=inbound&since=1735324700000&until=1735324900000");
	}

	@Test
	void listWithDefaultQuerySendsNoQueryString() throws Exception {
		enqueueFixture(200, "response-list-messages.json");
		StepVerifier.create(this.blooio.messages().list("+15551234567", MessageQuery.defaults())).assertNext((page) -> {
			assertThat(page.items()).extracting("messageId")
				.containsExactly("gK2Ig_XGR2M6UkSgmT9FK", "CZIsqG9ZWd9gwjIEhZpHY");
			assertThat(page.items().get(0).externalId()).isEqualTo("+15551234567");
			assertThat(page.items().get(1).direction()).isEqualTo(Direction.INBOUND);
			assertThat(page.items().get(1).status()).isNull();
			assertThat(page.items().get(1).timeDelivered()).isNull();
			assertThat(page.offset()).isZero();
			assertThat(page.pagination().total()).isEqualTo(2);
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages");
	}

	@Test
	void listGivesEveryMessageTheChatIdThePageNames() {
		enqueueFixture(200, "response-list-messages.json");
		StepVerifier.create(this.blooio.messages().list("+15551234567", MessageQuery.defaults()))
			.assertNext((page) -> assertThat(page.items()).extracting("chatId")
				.containsExactly("+15551234567", "+15551234567"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void listKeepsAChatIdAMessageCarriesItself() {
		enqueueJson(200, """
				{"chat_id":"grp_1","messages":[{"message_id":"m_1","chat_id":"grp_2"},{"message_id":"m_2"}]}
				""");
		StepVerifier.create(this.blooio.messages().list("grp_1", MessageQuery.defaults()))
			.assertNext((page) -> assertThat(page.items()).extracting("chatId").containsExactly("grp_2", "grp_1"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void listWithoutChatIdLeavesMessagesWithout() {
		enqueueJson(200, "{\"messages\":[{\"message_id\":\"m_1\"}]}");
		StepVerifier.create(this.blooio.messages().list("grp_1", MessageQuery.defaults()))
			.assertNext((page) -> assertThat(page.items().get(0).chatId()).isNull())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void reactAddsTapbackWithPlusSign() throws Exception {
		enqueueJson(200, "{\"success\":true,\"message_id\":\"gK2Ig_XGR2M6UkSgmT9FK\",\"reaction\":\"love\","
				+ "\"action\":\"add\"}");
		StepVerifier
			.create(this.blooio.messages()
				.react("+15551234567", "gK2Ig_XGR2M6UkSgmT9FK", ReactionRequest.add(Tapback.LOVE)))
			.assertNext((result) -> {
				assertThat(result.success()).isTrue();
				assertThat(result.messageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
				assertThat(result.reaction()).isEqualTo("love");
				assertThat(result.action()).isEqualTo("add");
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget())
			.isEqualTo("/v2/api/chats/%2B15551234567/messages/gK2Ig_XGR2M6UkSgmT9FK/reactions");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		JSONAssert.assertEquals("{\"reaction\":\"+love\"}", bodyOf(request), JSONCompareMode.STRICT);
	}

	@Test
	void reactRemovesEmojiWithMinusSignInUtf8() throws Exception {
		enqueueJson(200, "{\"success\":true,\"message_id\":\"gK2Ig_XGR2M6UkSgmT9FK\",\"reaction\":\"😂\","
				+ "\"action\":\"remove\"}");
		StepVerifier
			.create(this.blooio.messages().react("+15551234567", "gK2Ig_XGR2M6UkSgmT9FK", ReactionRequest.remove("😂")))
			.assertNext((result) -> assertThat(result.reaction()).isEqualTo("😂"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		JSONAssert.assertEquals("{\"reaction\":\"-😂\"}", bodyOf(request), JSONCompareMode.STRICT);
		assertThat(request.getBody().toByteArray()).containsSequence("-😂".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void reactToRelativeIndexSendsDirection() throws Exception {
		enqueueJson(200, "{\"success\":true,\"message_id\":\"CZIsqG9ZWd9gwjIEhZpHY\",\"reaction\":\"like\","
				+ "\"action\":\"add\"}");
		StepVerifier
			.create(this.blooio.messages()
				.react("+15551234567", "-1", ReactionRequest.of("+like").inDirection(Direction.INBOUND)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages/-1/reactions");
		JSONAssert.assertEquals("{\"reaction\":\"+like\",\"direction\":\"inbound\"}", bodyOf(request),
				JSONCompareMode.STRICT);
	}

	@Test
	void reactWithDirectionOnAMessageIdFailsWithoutSending() {
		ReactionRequest reaction = ReactionRequest.add(Tapback.LIKE).inDirection(Direction.INBOUND);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.messages().react("+15551234567", "gK2Ig_XGR2M6UkSgmT9FK", reaction));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void signedReactionWithoutSignIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReactionRequest.of("love"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReactionRequest.add("+love"));
	}

	@Test
	void unknownStatusProtocolAndFieldsAreReadLeniently() {
		enqueueJson(200, """
				{
				  "message_id": "m1",
				  "chat_id": "+15551234567",
				  "direction": "sideways",
				  "status": "teleported",
				  "protocol": "Carrier-Pigeon",
				  "time_sent": "2024-12-27T18:40:01.370Z",
				  "time_delivered": "not a time",
				  "attachments": ["https://example.com/a.png", {"url": "https://example.com/b.pdf", "name": "b.pdf"}],
				  "reply_to": {"guid": "p:0/ABC", "message_id": null, "part_index": 0},
				  "formatted_text": "**hi**",
				  "brand_new_field": {"nested": [1, 2, 3]}
				}
				""");
		StepVerifier.create(this.blooio.messages().get("+15551234567", "m1")).assertNext((message) -> {
			assertThat(message.messageId()).isEqualTo("m1");
			assertThat(message.direction()).isNull();
			assertThat(message.status()).isEqualTo(DeliveryStatus.of("teleported"));
			assertThat(message.status().value()).isEqualTo("teleported");
			assertThat(message.protocol()).isEqualTo(Protocol.of("carrier-pigeon"));
			assertThat(message.timeSent()).isEqualTo(Instant.parse("2024-12-27T18:40:01.370Z"));
			assertThat(message.timeDelivered()).isNull();
			assertThat(message.attachments()).containsExactly(Attachment.of("https://example.com/a.png"),
					Attachment.of("https://example.com/b.pdf", "b.pdf"));
			assertThat(message.replyTo()).isEqualTo(new ReplyTo(null, "p:0/ABC", 0));
			assertThat(message.formattedText()).isEqualTo("**hi**");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void unknownStatusInMessageStatusIsKeptAsOpenValue() {
		enqueueJson(200, "{\"message_id\":\"m1\",\"status\":\"teleported\",\"protocol\":\"pending\",\"x\":1}");
		StepVerifier.create(this.blooio.messages().status("+15551234567", "m1")).assertNext((status) -> {
			assertThat(status.status()).isEqualTo(DeliveryStatus.of("teleported"));
			assertThat(status.protocol()).isEqualTo(Protocol.PENDING);
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void sendResponseWithGroupFieldsIsRead() {
		enqueueJson(202, "{\"message_id\":\"m1\",\"status\":\"queued\",\"group_id\":\"grp_1\",\"group_created\":true,"
				+ "\"participants\":[\"+15551111111\",\"+15552222222\"],\"parent_unresolved\":false}");
		StepVerifier.create(this.blooio.messages().send("+15551111111,+15552222222", "hi")).assertNext((response) -> {
			assertThat(response.groupId()).isEqualTo("grp_1");
			assertThat(response.groupCreated()).isTrue();
			assertThat(response.participants()).containsExactly("+15551111111", "+15552222222");
			assertThat(response.parentUnresolved()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void sendRequestToStringDoesNotLeakText() {
		SendMessageRequest request = SendMessageRequest.builder().text("secret text").build();
		assertThat(request.toString()).doesNotContain("secret text");
	}

}
