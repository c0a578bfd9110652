package com.blooio.spring.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import com.blooio.spring.model.chat.ChatBackground;
import com.blooio.spring.model.contact.ContactCardShared;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageReaction;
import com.blooio.spring.model.message.PollResults;
import com.blooio.spring.model.message.PollSent;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReactionResult;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.model.message.Tapback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for what the simulator keeps on chats besides messages: reactions, polls,
 * backgrounds and the shared contact card.
 */
class BlooioSimulatorChatFeaturesTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

	@Test
	void reactionIsListedOnTheMessageReadBack() {
		SendMessageResponse sent = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		ReactionResult result = this.blooio.messages()
			.react("+15551234567", sent.messageId(), ReactionRequest.add(Tapback.LOVE))
			.block(TIMEOUT);
		assertThat(result.action()).isEqualTo("add");
		Message message = this.blooio.messages().get("+15551234567", sent.messageId()).block(TIMEOUT);
		assertThat(message.reactions()).singleElement().satisfies((reaction) -> {
			assertThat(reaction.reaction()).isEqualTo("love");
			assertThat(reaction.isAdded()).isTrue();
			assertThat(reaction.sender()).isNull();
		});
	}

	@Test
	void removedReactionIsListedAsNoLongerAdded() {
		SendMessageResponse sent = this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.blooio.messages().react("+15551234567", sent.messageId(), ReactionRequest.add("😂")).block(TIMEOUT);
		this.blooio.messages().react("+15551234567", sent.messageId(), ReactionRequest.remove("😂")).block(TIMEOUT);
		assertThat(this.blooio.messages().get("+15551234567", sent.messageId()).block(TIMEOUT).reactions())
			.extracting(MessageReaction::reaction, MessageReaction::isAdded)
			.containsExactly(tuple("😂", false));
	}

	@Test
	void reactionToRelativeIndexTargetsTheLastMessageOfThatDirection() {
		String inbound = this.sim.contact("+15551234567").sends("lunch?");
		this.blooio.send("+15551234567", "sure").block(TIMEOUT);
		ReactionResult result = this.blooio.messages()
			.react("+15551234567", "-1", ReactionRequest.add(Tapback.LIKE).inDirection(Direction.INBOUND))
			.block(TIMEOUT);
		assertThat(result.messageId()).isEqualTo(inbound);
	}

	@Test
	void pollResultsCountTheVotesOfSimulatedContacts() {
		this.sim.group("grp_lunch", "Lunch", List.of("+15551110000", "+15552220000", "+15553330000"));
		PollSent poll = this.blooio.chats().sendPoll("grp_lunch", "Where?", List.of("Pizza", "Sushi")).block(TIMEOUT);
		this.sim.group("grp_lunch", "Lunch", List.of("+15551110000", "+15552220000", "+15553330000"))
			.from("+15551110000")
			.votes(poll.pollId(), "Sushi");
		this.sim.contact("+15552220000").votes(poll.pollId(), "Pizza");
		this.sim.contact("+15553330000").votes(poll.pollId(), "Sushi");
		PollResults results = this.blooio.chats().pollResults("grp_lunch", poll.pollId()).block(TIMEOUT);
		assertThat(results.title()).isEqualTo("Where?");
		assertThat(results.options()).extracting(PollResults.Option::text, PollResults.Option::votes)
			.containsExactly(tuple("Pizza", 1), tuple("Sushi", 2));
		assertThat(results.totalVotes()).isEqualTo(3);
	}

	@Test
	void aLaterVoteReplacesTheVotersEarlierOne() {
		PollSent poll = this.blooio.chats().sendPoll("+15551234567", null, List.of("Yes", "No")).block(TIMEOUT);
		this.sim.contact("+15551234567").votes(poll.pollId(), "Yes");
		this.sim.contact("+15551234567").votes(poll.pollId(), "No");
		PollResults results = this.blooio.chats().pollResults("+15551234567", poll.pollId()).block(TIMEOUT);
		assertThat(results.options()).extracting(PollResults.Option::votes).containsExactly(0, 1);
		assertThat(results.totalVotes()).isEqualTo(1);
	}

	@Test
	void backgroundSetByUploadIsOnTheChatAndServedBack() throws Exception {
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		ChatBackground set = this.blooio.chats()
			.setBackground("+15551234567", PNG, "bg.png", MediaType.IMAGE_PNG)
			.block(TIMEOUT);
		assertThat(set.hasBackground()).isTrue();
		assertThat(set.changed()).isTrue();
		assertThat(this.blooio.chats().background("+15551234567").block(TIMEOUT).backgroundId())
			.isEqualTo(set.backgroundId());
		JsonNode chat = JSON.readTree(call("GET", "/chats/%2B15551234567", null).body());
		assertThat(chat.path("background_id").asString()).isEqualTo(set.backgroundId());
		HttpResponse<byte[]> image = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(chat.path("background_url").asString())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.body()).isEqualTo(PNG);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
	}

	@Test
	void removedBackgroundIsGoneFromTheChat() throws Exception {
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.blooio.chats().setBackground("+15551234567", PNG, "bg.png", MediaType.IMAGE_PNG).block(TIMEOUT);
		ChatBackground removed = this.blooio.chats().removeBackground("+15551234567").block(TIMEOUT);
		assertThat(removed.hasBackground()).isFalse();
		JsonNode chat = JSON.readTree(call("GET", "/chats/%2B15551234567", null).body());
		assertThat(chat.path("background_id").isNull()).isTrue();
		assertThat(chat.path("background_url").isNull()).isTrue();
	}

	@Test
	void backgroundUploadWithoutTheFileIsRejected() throws Exception {
		HttpResponse<String> response = call("PUT", "/chats/%2B15551234567/background", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error\":\"ApiError\"");
	}

	@Test
	void sharingTheContactCardAnswersTheNormalizedChat() {
		ContactCardShared shared = this.blooio.chats().shareContactCard("+15551234567").block(TIMEOUT);
		assertThat(shared.success()).isTrue();
		assertThat(shared.chatId()).isEqualTo("+15551234567");
	}

	@Test
	void oneToOneChatHasAnIntegerMemberCount() throws Exception {
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		JsonNode chats = JSON.readTree(call("GET", "/chats", null).body());
		assertThat(chats.path("chats").get(0).path("member_count").isInt()).isTrue();
		assertThat(chats.path("chats").get(0).path("member_count").asInt()).isEqualTo(1);
	}

	@Test
	void chatWithoutMessagesHasNoNullMessageTimes() throws Exception {
		this.sim.group("grp_quiet", "Quiet", List.of("+15551110000", "+15552220000"));
		JsonNode chat = JSON.readTree(call("GET", "/chats/grp_quiet", null).body());
		assertThat(chat.path("member_count").asInt()).isEqualTo(2);
		assertThat(chat.has("last_message_time")).isFalse();
		assertThat(chat.has("last_message")).isFalse();
	}

}
