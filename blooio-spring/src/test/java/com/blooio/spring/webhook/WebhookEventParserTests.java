package com.blooio.spring.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Protocol;
import com.blooio.spring.model.message.ReplyTo;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioGenericEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.event.WebhookDelivery;
import com.blooio.spring.webhook.event.WebhookDelivery.UnverifiedHeaders;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WebhookEventParser}: the fixtures in {@code fixtures/webhook-*.json}
 * (copied from the shared API notes) plus inline bodies for the shapes those fixtures do
 * not cover (legacy, reply, reaction, v4 envelope).
 */
class WebhookEventParserTests {

	private static final Instant SIGNED_AT = Instant.ofEpochSecond(1735324800L);

	private final Object source = new Object();

	private final WebhookEventParser parser = new WebhookEventParser(this.source);

	// fixtures

	@Test
	void receivedFixtureParsesToReceivedEventWithItsFields() throws IOException {
		byte[] body = fixture("webhook-message.received.json");
		BlooioMessageReceivedEvent event = parse(body, BlooioMessageReceivedEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.received");
		assertThat(event.getMessageId()).isEqualTo("CZIsqG9ZWd9gwjIEhZpHY");
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getSender()).isEqualTo("+15551234567");
		assertThat(event.getText()).isEqualTo("Hello, I need help with my order");
		assertThat(event.getAttachments()).isEmpty();
		assertThat(event.isGroup()).isFalse();
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.RECEIVED);
		assertThat(event.getProtocol()).isEqualTo(Protocol.IMESSAGE);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324800123L));
		assertThat(event.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(1735324799871L));
		assertThat(event.getReplyTo()).isNull();
		assertThat(event.getMessage().internalId()).isEqualTo("+15559998888");
		assertThat(event.getMessage().externalId()).isEqualTo("+15551234567");
		assertThat(event.getMessage().deviceId()).isNull();
		assertThat(event.getJson()).isEqualTo(new String(body, StandardCharsets.UTF_8));
		assertThat(event.getSource()).isSameAs(this.source);
	}

	@Test
	void flatPayloadDeliveryHasNoEventIdAndCarriesSignatureTime() throws IOException {
		BlooioEvent event = parse(fixture("webhook-message.received.json"), BlooioMessageReceivedEvent.class);
		assertThat(event.getDelivery()).isEqualTo(new WebhookDelivery(null, SIGNED_AT, null, UnverifiedHeaders.NONE));
	}

	@Test
	void unsignedDeliveryHasNoSignatureTime() throws IOException {
		BlooioEvent event = this.parser.parse(fixture("webhook-message.received.json"), new HttpHeaders(), null)
			.event();
		assertThat(event.getDelivery().signedAt()).isNull();
	}

	@Test
	void sentFixtureParsesToSentEventWithItsFields() throws IOException {
		BlooioMessageSentEvent event = parse(fixture("webhook-message.sent.json"), BlooioMessageSentEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.sent");
		assertThat(event.getMessageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getSender()).isNull();
		assertThat(event.getText()).isEqualTo("Thanks for contacting us! How can I help?");
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.SENT);
		assertThat(event.getProtocol()).isEqualTo(Protocol.IMESSAGE);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324801458L));
		assertThat(event.getSentAt()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
	}

	@Test
	void deliveredFixtureParsesToDeliveredEventWithItsFields() throws IOException {
		BlooioMessageDeliveredEvent event = parse(fixture("webhook-message.delivered.json"),
				BlooioMessageDeliveredEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.delivered");
		assertThat(event.getMessageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324802650L));
		assertThat(event.getDeliveredAt()).isEqualTo(Instant.ofEpochMilli(1735324802511L));
		assertThat(event.getText()).isNull();
	}

	@Test
	void failedFixtureParsesToFailedEventWithItsFields() throws IOException {
		BlooioMessageFailedEvent event = parse(fixture("webhook-message.failed.json"), BlooioMessageFailedEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.failed");
		assertThat(event.getMessageId()).isEqualTo("hL3Jh_YHR3N7VlThNU0GL");
		assertThat(event.getChatId()).isEqualTo("+15550001111");
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(event.getProtocol()).isEqualTo(Protocol.SMS);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324905220L));
		assertThat(event.getErrorCode()).isEqualTo("delivery_failed");
		assertThat(event.getErrorMessage()).isEqualTo("Recipient could not be reached");
	}

	@Test
	void readFixtureParsesToReadEventWithItsFields() throws IOException {
		BlooioMessageReadEvent event = parse(fixture("webhook-message.read.json"), BlooioMessageReadEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.read");
		assertThat(event.getMessageId()).isEqualTo("gK2Ig_XGR2M6UkSgmT9FK");
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.READ);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324990114L));
		assertThat(event.getReadAt()).isEqualTo(Instant.ofEpochMilli(1735324989870L));
	}

	@Test
	void groupFixtureIsGroupWithGroupIdAsChatIdAndParticipants() throws IOException {
		BlooioMessageReceivedEvent event = parse(fixture("webhook-message.received.group.json"),
				BlooioMessageReceivedEvent.class);
		assertThat(event.isGroup()).isTrue();
		assertThat(event.getChatId()).isEqualTo("grp_7f3k2m9q1x");
		assertThat(event.getSender()).isEqualTo("+15559876543");
		assertThat(event.getText()).isEqualTo("Standup in 5?");
		assertThat(event.getMessage().groupId()).isEqualTo("grp_7f3k2m9q1x");
		assertThat(event.getMessage().groupName()).isEqualTo("Sales Team");
		assertThat(event.getMessage().participants()).containsExactly(
				new ContactRef("ct_9a8b7c6d", "+15551234567", "Jane Doe"),
				new ContactRef("ct_1e2f3a4b", "+15559876543", null),
				new ContactRef("ct_5c6d7e8f", "alex@example.com", "Alex"));
		assertThat(event.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(1735325100101L));
	}

	// groups

	@Test
	void groupIdWithoutIsGroupFlagMakesGroupAndChatIdIsGroupId() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","external_id":"+15551234567",
				 "group_id":"grp_abc","sender":"+15551234567","text":"yo"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.isGroup()).isTrue();
		assertThat(event.getChatId()).isEqualTo("grp_abc");
	}

	@Test
	void participantsGivenAsStringsBecomeIdentifiers() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","is_group":true,"group_id":"grp_abc",
				 "participants":["+15551234567","alex@example.com",""]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getMessage().participants()).containsExactly(new ContactRef(null, "+15551234567", null),
				new ContactRef(null, "alex@example.com", null));
	}

	@Test
	void oneToOneChatIdFallsBackToSenderWithoutExternalId() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","sender":"+15551234567","is_group":false}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getChatId()).isEqualTo("+15551234567");
	}

	// attachments

	@Test
	void attachmentsAsUrlStringsParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","external_id":"+15551234567",
				 "attachments":["https://cdn.example.com/a.jpg","https://cdn.example.com/b.pdf"]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getAttachments()).containsExactly(new Attachment("https://cdn.example.com/a.jpg", null),
				new Attachment("https://cdn.example.com/b.pdf", null));
	}

	@Test
	void attachmentsAsUrlNameObjectsParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","external_id":"+15551234567",
				 "attachments":[{"url":"https://cdn.example.com/a.jpg","name":"photo.jpg"},
				                {"url":"https://cdn.example.com/b.pdf","name":null}]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getAttachments()).containsExactly(new Attachment("https://cdn.example.com/a.jpg", "photo.jpg"),
				new Attachment("https://cdn.example.com/b.pdf", null));
	}

	@Test
	void attachmentsMixingStringsAndObjectsParseAndUnusableEntriesAreSkipped() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","external_id":"+15551234567",
				 "attachments":["https://cdn.example.com/a.jpg","",null,{"name":"no-url.png"},42,
				                {"url":"https://cdn.example.com/b.png","name":"b.png","size":123}]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getAttachments()).containsExactly(new Attachment("https://cdn.example.com/a.jpg", null),
				new Attachment("https://cdn.example.com/b.png", "b.png"));
	}

	@Test
	void nullAttachmentsAreEmptyList() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","attachments":null}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getAttachments()).isEmpty();
	}

	@Test
	void sentAttachmentVariantHasAttachmentsAndNoText() {
		BlooioMessageSentEvent event = parse("""
				{"event":"message.sent","message_id":"m1","external_id":"+15551234567","status":"sent",
				 "attachments":[{"url":"https://cdn.example.com/a.jpg","name":"a.jpg"}],"sent_at":null}
				""", BlooioMessageSentEvent.class);
		assertThat(event.getText()).isNull();
		assertThat(event.getSentAt()).isNull();
		assertThat(event.getAttachments()).containsExactly(new Attachment("https://cdn.example.com/a.jpg", "a.jpg"));
	}

	// older and newer shapes

	@Test
	void olderPayloadWithDeviceIdAndNoInternalIdParses() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"OldMsg123","external_id":"+15551234567",
				 "device_id":"3f7a9c1e5b2d","status":"received","protocol":"imessage",
				 "timestamp":1735324800123,"text":"legacy hello",
				 "attachments":["https://cdn.example.com/legacy.jpg"],"sender":"+15551234567"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getMessageId()).isEqualTo("OldMsg123");
		assertThat(event.getMessage().deviceId()).isEqualTo("3f7a9c1e5b2d");
		assertThat(event.getMessage().internalId()).isNull();
		assertThat(event.isGroup()).isFalse();
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getText()).isEqualTo("legacy hello");
		assertThat(event.getAttachments()).containsExactly(Attachment.of("https://cdn.example.com/legacy.jpg"));
		assertThat(event.getReceivedAt()).isNull();
	}

	@Test
	void v4EnvelopeSetsEventIdCreatedAtAndTypeAndReadsFieldsFromData() {
		String body = """
				{"id":"evt_01JABCDEF","type":"message.received","created_at":"2026-05-01T12:00:00Z",
				 "organization_id":"org_1",
				 "data":{"message_id":"m4","external_id":"+15551234567","sender":"+15551234567",
				         "text":"from v4","status":"received","protocol":"rcs","timestamp":1777636800000,
				         "attachments":[{"url":"https://cdn.example.com/v4.jpg","name":"v4.jpg"}]}}
				""";
		BlooioMessageReceivedEvent event = parse(body, BlooioMessageReceivedEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.received");
		assertThat(event.getDelivery().eventId()).isEqualTo("evt_01JABCDEF");
		assertThat(event.getDelivery().createdAt()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
		assertThat(event.getDelivery().signedAt()).isEqualTo(SIGNED_AT);
		assertThat(event.getMessageId()).isEqualTo("m4");
		assertThat(event.getChatId()).isEqualTo("+15551234567");
		assertThat(event.getText()).isEqualTo("from v4");
		assertThat(event.getProtocol()).isEqualTo(Protocol.RCS);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1777636800000L));
		assertThat(event.getAttachments()).containsExactly(new Attachment("https://cdn.example.com/v4.jpg", "v4.jpg"));
	}

	@Test
	void v4EnvelopeJsonIsTheDataObject() {
		String body = """
				{"id":"evt_1","type":"message.delivered","created_at":1777636800000,
				 "data":{"message_id":"m4","external_id":"+15551234567","delivered_at":1777636800001}}
				""";
		BlooioEvent event = parse(body, BlooioMessageDeliveredEvent.class);
		JsonMapper mapper = JsonMapper.builder().build();
		assertThat(mapper.readTree(event.getJson())).isEqualTo(mapper.readTree(body).get("data"));
		assertThat(event.getDelivery().createdAt()).isEqualTo(Instant.ofEpochMilli(1777636800000L));
	}

	@Test
	void v4EnvelopeWithUnknownTypeIsGenericEventWithDataJson() {
		BlooioGenericEvent event = parse("""
				{"id":"evt_2","type":"number.removed","created_at":"2026-05-01T12:00:00Z","data":{"chat_id":"+1555"}}
				""", BlooioGenericEvent.class);
		assertThat(event.getEventType()).isEqualTo("number.removed");
		assertThat(event.getDelivery().eventId()).isEqualTo("evt_2");
		assertThat(event.getJson()).contains("\"chat_id\"").doesNotContain("evt_2");
	}

	@Test
	void replyToIsParsed() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m2","external_id":"+15551234567",
				 "text":"this one","formatted_text":"**this** one",
				 "reply_to":{"guid":"p:0/4F3A-11","message_id":"m1","part_index":1},
				 "attachments":[{"url":"https://cdn.example.com/r.jpg","name":"r.jpg"}]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getReplyTo()).isEqualTo(new ReplyTo("m1", "p:0/4F3A-11", 1));
		assertThat(event.getMessage().formattedText()).isEqualTo("**this** one");
		assertThat(event.getAttachments()).hasSize(1);
	}

	@Test
	void replyToWithOnlyGuidIsParsed() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m2","reply_to":{"guid":"g1","message_id":null}}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getReplyTo()).isEqualTo(new ReplyTo(null, "g1", null));
	}

	// reactions

	@Test
	void reactionAddIsParsedWithReactionActionAndDirection() {
		BlooioMessageReactionEvent event = parse("""
				{"event":"message.reaction","direction":"inbound","message_id":"m1",
				 "external_id":"+15551234567","reaction":"love","action":"add","sender":"+15551234567",
				 "original_text":"See you at 5","timestamp":1735324800999,"internal_id":"+15559998888"}
				""", BlooioMessageReactionEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.reaction");
		assertThat(event.getMessageId()).isEqualTo("m1");
		assertThat(event.getReaction()).isEqualTo("love");
		assertThat(event.isAdded()).isTrue();
		assertThat(event.getDirection()).isEqualTo(Direction.INBOUND);
		assertThat(event.getSender()).isEqualTo("+15551234567");
		assertThat(event.getMessage().reactionAction()).isEqualTo("add");
		assertThat(event.getMessage().originalText()).isEqualTo("See you at 5");
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324800999L));
	}

	@Test
	void reactionRemoveIsNotAdded() {
		BlooioMessageReactionEvent event = parse(
				"""
						{"event":"message.reaction","direction":"outbound","message_id":"m1","reaction":"like","action":"remove"}
						""",
				BlooioMessageReactionEvent.class);
		assertThat(event.isAdded()).isFalse();
		assertThat(event.getDirection()).isEqualTo(Direction.OUTBOUND);
	}

	@Test
	void reactionActionIsCaseInsensitive() {
		BlooioMessageReactionEvent event = parse("""
				{"event":"message.reaction","message_id":"m1","reaction":"like","action":"REMOVE"}
				""", BlooioMessageReactionEvent.class);
		assertThat(event.isAdded()).isFalse();
	}

	@Test
	void reactionAsEmojiIsKept() {
		BlooioMessageReactionEvent event = parse(
				"{\"event\":\"message.reaction\",\"message_id\":\"m1\",\"reaction\":\"\uD83D\uDC4D\",\"action\":\"add\"}",
				BlooioMessageReactionEvent.class);
		assertThat(event.getReaction()).isEqualTo("\uD83D\uDC4D");
	}

	@Test
	void unknownDirectionIsNull() {
		BlooioMessageReactionEvent event = parse("""
				{"event":"message.reaction","message_id":"m1","reaction":"like","direction":"sideways"}
				""", BlooioMessageReactionEvent.class);
		assertThat(event.getDirection()).isNull();
		assertThat(event.isAdded()).isTrue();
	}

	// event types

	@Test
	void unknownEventTypeIsGenericEventWithTypeAndRawJson() {
		String body = "{\"event\":\"number.removed\",\"number\":\"+15551234567\",\"option\":2}";
		BlooioGenericEvent event = parse(body, BlooioGenericEvent.class);
		assertThat(event.getEventType()).isEqualTo("number.removed");
		assertThat(event.getJson()).isEqualTo(body);
	}

	@Test
	void unknownMessageEventTypeIsGenericEvent() {
		BlooioGenericEvent event = parse("{\"event\":\"message.edited\",\"message_id\":\"m1\"}",
				BlooioGenericEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.edited");
	}

	@Test
	void v2PollVoteParsesToThePollVotedEvent() {
		BlooioPollVotedEvent event = parse(
				"{\"event\":\"poll.voted\",\"poll_id\":\"poll_1\",\"voted_option\":\"Sushi\"}",
				BlooioPollVotedEvent.class);
		assertThat(event.getPollId()).isEqualTo("poll_1");
		assertThat(event.getVotedOption()).isEqualTo("Sushi");
	}

	@Test
	void eventTypeIsCaseInsensitive() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"Message.Received","message_id":"m1","text":"hi"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.received");
		assertThat(event.getText()).isEqualTo("hi");
	}

	@Test
	void eventTypeSurroundedByWhitespaceIsTrimmed() {
		parse("{\"event\":\" message.read \",\"message_id\":\"m1\"}", BlooioMessageReadEvent.class);
	}

	@Test
	void bodyWithoutEventTypeIsMalformedWhateverTheUnsignedEventHeaderSays() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Event", "message.delivered");
		assertThatExceptionOfType(MalformedWebhookException.class).isThrownBy(() -> this.parser.parse(
				"{\"message_id\":\"m1\",\"delivered_at\":1735324802511}".getBytes(StandardCharsets.UTF_8), headers,
				SIGNED_AT));
	}

	@Test
	void unsignedEventHeaderIsShownAsUnverifiedMetadataOnly() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-blooio-event", "MESSAGE.FAILED");
		BlooioEvent event = parse("{\"event\":\"message.sent\",\"message_id\":\"m1\"}", headers,
				BlooioMessageSentEvent.class);
		assertThat(event.getEventType()).isEqualTo("message.sent");
		assertThat(event.getDelivery().unverifiedHeaders().event()).isEqualTo("MESSAGE.FAILED");
	}

	@Test
	void eventFieldWinsOverEventHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Event", "message.delivered");
		parse("{\"event\":\"message.sent\",\"message_id\":\"m1\"}", headers, BlooioMessageSentEvent.class);
	}

	@Test
	void noEventTypeAnywhereIsMalformed() {
		assertMalformed("{\"message_id\":\"m1\",\"text\":\"hi\"}");
	}

	@Test
	void blankEventTypeWithoutHeaderIsMalformed() {
		assertMalformed("{\"event\":\"  \",\"message_id\":\"m1\"}");
	}

	@Test
	void envelopeWithoutTypeIsMalformed() {
		assertMalformed("{\"id\":\"evt_1\",\"data\":{\"message_id\":\"m1\"}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json at all", "{\"event\":\"message.received\"", "<xml/>", "" })
	void nonJsonBodyIsMalformed(String body) {
		assertMalformed(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"event\":\"message.received\",\"message_id\":\"m1\"}]", "null", "\"message.received\"",
			"42", "true" })
	void jsonThatIsNotAnObjectIsMalformed(String body) {
		assertMalformed(body);
	}

	@Test
	void malformedExceptionDoesNotEchoTheBody() {
		String body = "{\"text\":\"private words\"";
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> this.parser.parse(body.getBytes(StandardCharsets.UTF_8), new HttpHeaders(), SIGNED_AT))
			.withMessageNotContaining("private words");
	}

	@Test
	void unknownFieldsAreIgnored() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","text":"hi","brand_new":{"nested":[1,2,{"x":null}]},
				 "flag":true,"count":3.5,"tags":["a","b"]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getText()).isEqualTo("hi");
		assertThat(event.getJson()).contains("brand_new");
	}

	@Test
	void containerWhereTextIsExpectedIsTreatedAsAbsent() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","text":{"rich":"hi"},"sender":["+1555"]}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getText()).isNull();
		assertThat(event.getSender()).isNull();
	}

	// delivery headers

	@Test
	void replayHeadersAreShownAsUnverifiedMetadata() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Replay", "true");
		headers.set("X-Original-Event-Id", "evt_original_1");
		BlooioEvent event = parse("{\"event\":\"message.received\",\"message_id\":\"m1\"}", headers,
				BlooioMessageReceivedEvent.class);
		assertThat(event.getDelivery().unverifiedHeaders().replay()).isTrue();
		assertThat(event.getDelivery().unverifiedHeaders().originalEventId()).isEqualTo("evt_original_1");
	}

	@Test
	void replayHeaderOtherThanTrueIsNotReplay() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Replay", "false");
		BlooioEvent event = parse("{\"event\":\"message.received\",\"message_id\":\"m1\"}", headers,
				BlooioMessageReceivedEvent.class);
		assertThat(event.getDelivery().unverifiedHeaders().replay()).isFalse();
	}

	@Test
	void replayHeaderValueIsCaseInsensitive() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Replay", "TRUE");
		BlooioEvent event = parse("{\"event\":\"message.received\",\"message_id\":\"m1\"}", headers,
				BlooioMessageReceivedEvent.class);
		assertThat(event.getDelivery().unverifiedHeaders().replay()).isTrue();
	}

	@Test
	void messageIdMissingFromBodyStaysAbsentWhateverTheUnsignedHeaderSays() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Message-Id", "hdr_msg_1");
		BlooioMessageReadEvent event = parse("{\"event\":\"message.read\",\"read_at\":1735324989870}", headers,
				BlooioMessageReadEvent.class);
		assertThat(event.getMessageId()).isNull();
		assertThat(event.getDelivery().unverifiedHeaders().messageId()).isEqualTo("hdr_msg_1");
	}

	@Test
	void messageIdInBodyWinsOverHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Blooio-Message-Id", "hdr_msg_1");
		BlooioMessageReadEvent event = parse("{\"event\":\"message.read\",\"message_id\":\"body_msg_1\"}", headers,
				BlooioMessageReadEvent.class);
		assertThat(event.getMessageId()).isEqualTo("body_msg_1");
	}

	@Test
	void messageIdMissingEverywhereIsNull() {
		BlooioMessageReadEvent event = parse("{\"event\":\"message.read\"}", BlooioMessageReadEvent.class);
		assertThat(event.getMessageId()).isNull();
	}

	// timestamps and open values

	@Test
	void isoTimestampStringsParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"2024-12-27T18:40:00.123Z",
				 "received_at":"2024-12-27T19:39:59.871+01:00"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-12-27T18:40:00.123Z"));
		assertThat(event.getReceivedAt()).isEqualTo(Instant.parse("2024-12-27T18:39:59.871Z"));
	}

	@Test
	void isoTimestampStringWithoutOffsetIsReadAsUtc() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"2024-12-27T18:40:00.123"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-12-27T18:40:00.123Z"));
	}

	@Test
	void isoTimestampStringWithZoneIdParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"2024-12-27T19:40:00+01:00[Europe/Paris]"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-12-27T18:40:00Z"));
	}

	@Test
	void negativeEpochMillisecondsAsStringParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"-1000"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(-1000));
	}

	@Test
	void epochMillisecondsAsStringParse() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"1735324800123"}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1735324800123L));
	}

	@Test
	void unparseableTimestampIsNullRatherThanFailure() {
		BlooioMessageReceivedEvent event = parse("""
				{"event":"message.received","message_id":"m1","timestamp":"yesterday","received_at":{"ms":1}}
				""", BlooioMessageReceivedEvent.class);
		assertThat(event.getEventTime()).isNull();
		assertThat(event.getReceivedAt()).isNull();
	}

	@Test
	void unknownStatusAndProtocolValuesAreKeptAsOpenValues() {
		BlooioMessageSentEvent event = parse("""
				{"event":"message.sent","message_id":"m1","status":"Cancellation_Requested","protocol":"WhatsApp"}
				""", BlooioMessageSentEvent.class);
		assertThat(event.getStatus()).isEqualTo(DeliveryStatus.CANCELLATION_REQUESTED);
		assertThat(event.getProtocol()).isEqualTo(Protocol.of("whatsapp"));
	}

	@Test
	void newerProtocolValuesParse() {
		BlooioMessageSentEvent event = parse(
				"{\"event\":\"message.sent\",\"message_id\":\"m1\",\"protocol\":\"pending\"}",
				BlooioMessageSentEvent.class);
		assertThat(event.getProtocol()).isEqualTo(Protocol.PENDING);
	}

	@Test
	void nullAndBlankFieldsAreAbsent() {
		BlooioMessageSentEvent event = parse("""
				{"event":"message.sent","message_id":"m1","status":null,"protocol":"  ","text":""}
				""", BlooioMessageSentEvent.class);
		assertThat(event.getStatus()).isNull();
		assertThat(event.getProtocol()).isNull();
		assertThat(event.getText()).isNull();
	}

	private <T extends BlooioEvent> T parse(String body, Class<T> type) {
		return parse(body, new HttpHeaders(), type);
	}

	private <T extends BlooioEvent> T parse(String body, HttpHeaders headers, Class<T> type) {
		return parse(body.getBytes(StandardCharsets.UTF_8), headers, type);
	}

	private <T extends BlooioEvent> T parse(byte[] body, Class<T> type) {
		return parse(body, new HttpHeaders(), type);
	}

	private <T extends BlooioEvent> T parse(byte[] body, HttpHeaders headers, Class<T> type) {
		BlooioEvent event = this.parser.parse(body, headers, SIGNED_AT).event();
		assertThat(event).isExactlyInstanceOf(type);
		return type.cast(event);
	}

	private void assertMalformed(String body) {
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> this.parser.parse(body.getBytes(StandardCharsets.UTF_8), new HttpHeaders(), SIGNED_AT));
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = WebhookEventParserTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
