package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioGenericEvent;
import com.blooio.spring.webhook.event.BlooioMessageDeliveredEvent;
import com.blooio.spring.webhook.event.BlooioMessageFailedEvent;
import com.blooio.spring.webhook.event.BlooioMessagePendingEvent;
import com.blooio.spring.webhook.event.BlooioMessageQueuedEvent;
import com.blooio.spring.webhook.event.BlooioMessageReactionEvent;
import com.blooio.spring.webhook.event.BlooioMessageReadEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.event.BlooioMessageSentEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactMergedEvent;
import com.blooio.spring.webhook.event.chat.BlooioContactSharedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupIconChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioGroupNameChangedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollCreatedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollReceivedEvent;
import com.blooio.spring.webhook.event.chat.BlooioPollVotedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStartedEvent;
import com.blooio.spring.webhook.event.chat.BlooioTypingStoppedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.event.safety.SafetyAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every v4 event type, in both envelope shapes Blooio's material shows: the guides'
 * {@code {id, type, created_at, organization_id, data}} and the OpenAPI document's
 * {@code {id, type, message_id, chat_id, channel_type, occurred_at, data}}.
 */
class V4EventParserTests {

	private final WebhookEventParser parser = new WebhookEventParser(new Object());

	static Stream<Arguments> everyV4EventType() {
		return Stream.of(Arguments.of("message.queued", BlooioMessageQueuedEvent.class),
				Arguments.of("message.pending", BlooioMessagePendingEvent.class),
				Arguments.of("message.sent", BlooioMessageSentEvent.class),
				Arguments.of("message.delivered", BlooioMessageDeliveredEvent.class),
				Arguments.of("message.failed", BlooioMessageFailedEvent.class),
				Arguments.of("message.read", BlooioMessageReadEvent.class),
				Arguments.of("message.received", BlooioMessageReceivedEvent.class),
				Arguments.of("message.reaction", BlooioMessageReactionEvent.class),
				Arguments.of("typing.started", BlooioTypingStartedEvent.class),
				Arguments.of("typing.stopped", BlooioTypingStoppedEvent.class),
				Arguments.of("group.name_changed", BlooioGroupNameChangedEvent.class),
				Arguments.of("group.icon_changed", BlooioGroupIconChangedEvent.class),
				Arguments.of("contact.shared", BlooioContactSharedEvent.class),
				Arguments.of("contact.merged", BlooioContactMergedEvent.class),
				Arguments.of("poll.created", BlooioPollCreatedEvent.class),
				Arguments.of("poll.received", BlooioPollReceivedEvent.class),
				Arguments.of("poll.voted", BlooioPollVotedEvent.class),
				Arguments.of("safety.state_changed", BlooioSafetyStateChangedEvent.class),
				Arguments.of("safety.number_banned", BlooioSafetyNumberBannedEvent.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyV4EventType")
	void guidesEnvelopeParsesToItsOwnTypeWithEventIdAndCreationTime(String type,
			Class<? extends BlooioEvent> expected) {
		BlooioEvent event = parse("""
				{"id":"evt_g1","type":"%s","created_at":1777636800000,"organization_id":"org_1","data":{}}
				""".formatted(type));
		assertThat(event).isExactlyInstanceOf(expected);
		assertThat(event.getEventType()).isEqualTo(type);
		assertThat(event.getDelivery().eventId()).isEqualTo("evt_g1");
		assertThat(event.getDelivery().createdAt()).isEqualTo(Instant.ofEpochMilli(1777636800000L));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyV4EventType")
	void documentEnvelopeParsesToItsOwnTypeWithEventIdAndOccurrenceTime(String type,
			Class<? extends BlooioEvent> expected) {
		BlooioEvent event = parse("""
				{"id":"evt_d1","type":"%s","message_id":"m1","chat_id":"chat_1","channel_type":"imessage",
				 "occurred_at":1777636800,"data":{}}
				""".formatted(type));
		assertThat(event).isExactlyInstanceOf(expected);
		assertThat(event.getDelivery().eventId()).isEqualTo("evt_d1");
		assertThat(event.getDelivery().createdAt()).isEqualTo(Instant.ofEpochSecond(1777636800L));
	}

	@Test
	void documentEnvelopeGivesAMessageEventTheEnvelopesMessageId() {
		BlooioMessageDeliveredEvent event = parse("""
				{"id":"evt_d2","type":"message.delivered","message_id":"m7","chat_id":"chat_1","occurred_at":1777636800,
				 "data":{"delivered_at":1777636800001}}
				""", BlooioMessageDeliveredEvent.class);
		assertThat(event.getMessageId()).isEqualTo("m7");
	}

	@Test
	void messageIdInDataWinsOverTheEnvelopes() {
		BlooioMessageDeliveredEvent event = parse("""
				{"id":"evt_d3","type":"message.delivered","message_id":"outer","data":{"message_id":"inner"}}
				""", BlooioMessageDeliveredEvent.class);
		assertThat(event.getMessageId()).isEqualTo("inner");
	}

	@Test
	void documentEnvelopeKeepsTheDataObjectAsTheEventJson() {
		BlooioEvent event = parse("""
				{"id":"evt_d4","type":"typing.started","chat_id":"chat_1","data":{"sender":"+15551234567"}}
				""");
		assertThat(event.getJson()).isEqualTo("{\"sender\":\"+15551234567\"}");
	}

	@Test
	void typingEventNamesTheChatFromTheEnvelopeAndTheSender() {
		BlooioTypingStartedEvent event = parse("""
				{"id":"evt_t1","type":"typing.started","chat_id":"chat_1","data":{"sender":"+15551234567"}}
				""", BlooioTypingStartedEvent.class);
		assertThat(event.getChatId()).isEqualTo("chat_1");
		assertThat(event.getSender()).isEqualTo("+15551234567");
	}

	@Test
	void groupNameChangedEventCarriesTheNewName() {
		BlooioGroupNameChangedEvent event = parse("""
				{"id":"evt_g2","type":"group.name_changed","created_at":1777636800000,
				 "data":{"group_id":"grp_1","group_name":"Weekend","sender":"+15551234567"}}
				""", BlooioGroupNameChangedEvent.class);
		assertThat(event.getChatId()).isEqualTo("grp_1");
		assertThat(event.getGroupName()).isEqualTo("Weekend");
		assertThat(event.getSender()).isEqualTo("+15551234567");
	}

	@Test
	void groupIconChangedEventCarriesTheIconUrl() {
		BlooioGroupIconChangedEvent event = parse(
				"""
						{"id":"evt_g3","type":"group.icon_changed","data":{"group_id":"grp_1","icon_url":"https://cdn.example.com/i.png"}}
						""",
				BlooioGroupIconChangedEvent.class);
		assertThat(event.getIconUrl()).isEqualTo("https://cdn.example.com/i.png");
	}

	@Test
	void contactSharedEventCarriesTheContact() {
		BlooioContactSharedEvent event = parse("""
				{"id":"evt_c1","type":"contact.shared","data":{"chat_id":"chat_1","contact_id":"ct_9"}}
				""", BlooioContactSharedEvent.class);
		assertThat(event.getContactId()).isEqualTo("ct_9");
		assertThat(event.getChatId()).isEqualTo("chat_1");
	}

	@Test
	void pollCreatedEventReadsTheNestedPoll() {
		BlooioPollCreatedEvent event = parse("""
				{"id":"evt_p1","type":"poll.created","data":{"id":"poll_1","chat_id":"chat_1",
				 "poll":{"title":"Lunch?","options":["Pizza","Sushi"]}}}
				""", BlooioPollCreatedEvent.class);
		assertThat(event.getPollId()).isEqualTo("poll_1");
		assertThat(event.getTitle()).isEqualTo("Lunch?");
		assertThat(event.getOptions()).containsExactly("Pizza", "Sushi");
	}

	@Test
	void pollVotedEventCarriesTheVoteAndTheVotesThatStand() {
		BlooioPollVotedEvent event = parse("""
				{"id":"evt_p2","type":"poll.voted","data":{"poll_id":"poll_1","sender":"+15551234567",
				 "voted_option":"Sushi","toggled":"on","active_votes":["Pizza","Sushi"],
				 "options":[{"text":"Pizza","votes":1},{"text":"Sushi","votes":2}]}}
				""", BlooioPollVotedEvent.class);
		assertThat(event.getPollId()).isEqualTo("poll_1");
		assertThat(event.getSender()).isEqualTo("+15551234567");
		assertThat(event.getVotedOption()).isEqualTo("Sushi");
		assertThat(event.getSelected()).isTrue();
		assertThat(event.getActiveVotes()).containsExactly("Pizza", "Sushi");
		assertThat(event.getOptions()).containsExactly("Pizza", "Sushi");
	}

	@Test
	void pollVoteTakenBackIsNotSelected() {
		BlooioPollVotedEvent event = parse("""
				{"id":"evt_p3","type":"poll.voted","data":{"poll_id":"poll_1","voted_option":"Sushi","toggled":"off"}}
				""", BlooioPollVotedEvent.class);
		assertThat(event.getSelected()).isFalse();
		assertThat(event.getActiveVotes()).isEmpty();
	}

	@Test
	void safetyStateChangedEventCarriesTiersActionsAndReasons() {
		BlooioSafetyStateChangedEvent event = parse("""
				{"id":"evt_s1","type":"safety.state_changed","occurred_at":1700000000,
				 "data":{"phone_number":"+15550001111","tier":"warm","previous_tier":"new","action":"PAUSE_NEW",
				         "previous_action":"slow","reasons":["volume","complaints"]}}
				""", BlooioSafetyStateChangedEvent.class);
		assertThat(event.getPhoneNumber()).isEqualTo("+15550001111");
		assertThat(event.getTier()).isEqualTo("warm");
		assertThat(event.getPreviousTier()).isEqualTo("new");
		assertThat(event.getAction()).isEqualTo(SafetyAction.PAUSE_NEW);
		assertThat(event.getAction().pausesSending()).isTrue();
		assertThat(event.getPreviousAction()).isEqualTo(SafetyAction.SLOW);
		assertThat(event.getPreviousAction().pausesSending()).isFalse();
		assertThat(event.getReasons()).containsExactly("volume", "complaints");
	}

	@Test
	void safetyReasonsGivenAsAnObjectAreItsFieldNames() {
		BlooioSafetyStateChangedEvent event = parse(
				"""
						{"id":"evt_s2","type":"safety.state_changed","data":{"action":"none","reasons":{"volume":3,"age_days":2}}}
						""",
				BlooioSafetyStateChangedEvent.class);
		assertThat(event.getReasons()).containsExactly("volume", "age_days");
	}

	@Test
	void unknownSafetyActionIsKeptAsItIs() {
		BlooioSafetyStateChangedEvent event = parse("""
				{"id":"evt_s3","type":"safety.state_changed","data":{"action":"throttle_hard"}}
				""", BlooioSafetyStateChangedEvent.class);
		assertThat(event.getAction()).isEqualTo(SafetyAction.of("throttle_hard"));
		assertThat(event.getReasons()).isEmpty();
	}

	@Test
	void numberBannedEventCarriesTheNumberAndWhenInSeconds() {
		BlooioSafetyNumberBannedEvent event = parse("""
				{"id":"evt_s4","type":"safety.number_banned","occurred_at":1700000001,
				 "data":{"channel_id":"ch_1","phone_number":"+15551234567","allocation_type":"Dedicated",
				         "banned_at":1700000001}}
				""", BlooioSafetyNumberBannedEvent.class);
		assertThat(event.getChannelId()).isEqualTo("ch_1");
		assertThat(event.getPhoneNumber()).isEqualTo("+15551234567");
		assertThat(event.getAllocationType()).isEqualTo("dedicated");
		assertThat(event.getBannedAt()).isEqualTo(Instant.ofEpochSecond(1700000001L));
	}

	@Test
	void numberBannedTimeInMillisecondsIsReadAsMilliseconds() {
		BlooioSafetyNumberBannedEvent event = parse("""
				{"id":"evt_s5","type":"safety.number_banned","data":{"banned_at":1700000001000}}
				""", BlooioSafetyNumberBannedEvent.class);
		assertThat(event.getBannedAt()).isEqualTo(Instant.ofEpochMilli(1700000001000L));
	}

	@Test
	void v4TypeWithoutATypedEventIsGeneric() {
		BlooioEvent event = parse("""
				{"id":"evt_n1","type":"number.purchase.completed","data":{"purchase_id":"p1"}}
				""");
		assertThat(event).isExactlyInstanceOf(BlooioGenericEvent.class);
		assertThat(event.getEventType()).isEqualTo("number.purchase.completed");
	}

	private BlooioEvent parse(String body) {
		return this.parser.parse(body.getBytes(StandardCharsets.UTF_8), new HttpHeaders(), null).event();
	}

	private <T extends BlooioEvent> T parse(String body, Class<T> type) {
		BlooioEvent event = parse(body);
		assertThat(event).isExactlyInstanceOf(type);
		return type.cast(event);
	}

}
