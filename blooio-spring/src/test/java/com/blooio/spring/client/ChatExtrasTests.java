package com.blooio.spring.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the contact card, background and poll operations of {@link ChatOperations}
 * against a mock Blooio server.
 */
class ChatExtrasTests extends BlooioServerTestSupport {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3 };

	@Test
	void shareContactCardPostsToEncodedChat() throws Exception {
		enqueueJson(200, "{\"success\":true,\"chat_id\":\"+15551234567\","
				+ "\"message\":\"Contact card will be shared with the next message\"}");
		StepVerifier.create(this.blooio.chats().shareContactCard("+15551234567")).assertNext((shared) -> {
			assertThat(shared.success()).isTrue();
			assertThat(shared.chatId()).isEqualTo("+15551234567");
			assertThat(shared.message()).startsWith("Contact card");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/contact-card");
		assertThat(bodyOf(request)).isEmpty();
	}

	@Test
	void backgroundGetsBackground() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"jane@example.com\",\"has_background\":true,"
				+ "\"background_id\":\"bg_1\",\"background_version\":3}");
		StepVerifier.create(this.blooio.chats().background("jane@example.com")).assertNext((background) -> {
			assertThat(background.chatId()).isEqualTo("jane@example.com");
			assertThat(background.hasBackground()).isTrue();
			assertThat(background.backgroundId()).isEqualTo("bg_1");
			assertThat(background.backgroundVersion()).isEqualTo(3L);
			assertThat(background.changed()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/jane%40example.com/background");
	}

	@Test
	void backgroundReadsTheStoredBackgroundUrl() {
		enqueueJson(200, """
				{"chat_id":"+15551234567","has_background":true,"background_id":"bg_1",
				 "background_url":"https://media.blooio.com/backgrounds/bg_1.jpg","background_version":7}
				""");
		StepVerifier.create(this.blooio.chats().background("+15551234567")).assertNext((background) -> {
			assertThat(background.backgroundUrl()).isEqualTo("https://media.blooio.com/backgrounds/bg_1.jpg");
			assertThat(background.backgroundVersion()).isEqualTo(7L);
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void backgroundSetOutsideTheApiHasNoUrl() {
		enqueueJson(200, """
				{"chat_id":"+15551234567","has_background":true,"background_id":"bg_1",
				 "background_url":null,"background_version":null}
				""");
		StepVerifier.create(this.blooio.chats().background("+15551234567")).assertNext((background) -> {
			assertThat(background.backgroundUrl()).isNull();
			assertThat(background.backgroundVersion()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void setBackgroundFromBytesPutsMultipartBackgroundPart() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"has_background\":true,\"background_id\":\"bg_2\","
				+ "\"background_url\":\"https://media.blooio.com/backgrounds/bg_2.jpg\",\"background_version\":4,"
				+ "\"changed\":true}");
		StepVerifier
			.create(this.blooio.chats().setBackground("+15551234567", JPEG, "wallpaper.jpg", MediaType.IMAGE_JPEG))
			.assertNext((background) -> {
				assertThat(background.changed()).isTrue();
				assertThat(background.backgroundId()).isEqualTo("bg_2");
				assertThat(background.backgroundUrl()).isEqualTo("https://media.blooio.com/backgrounds/bg_2.jpg");
				assertThat(background.backgroundVersion()).isEqualTo(4L);
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PUT");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/background");
		assertMultipartBackground(request, "wallpaper.jpg", "image/jpeg");
	}

	@Test
	void setBackgroundFromResourcePutsMultipartBackgroundPart() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"grp_1\",\"has_background\":true,\"changed\":true}");
		ByteArrayResource resource = new ByteArrayResource(JPEG) {

			@Override
			public String getFilename() {
				return "beach.png";
			}

		};
		StepVerifier.create(this.blooio.chats().setBackground("grp_1", resource, MediaType.IMAGE_PNG))
			.assertNext((background) -> assertThat(background.hasBackground()).isTrue())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PUT");
		assertMultipartBackground(request, "beach.png", "image/png");
	}

	@Test
	void removeBackgroundDeletesBackground() throws Exception {
		enqueueJson(200, "{\"chat_id\":\"grp_1\",\"has_background\":false,\"background_id\":null}");
		StepVerifier.create(this.blooio.chats().removeBackground("grp_1"))
			.assertNext((background) -> assertThat(background.hasBackground()).isFalse())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/grp_1/background");
	}

	@Test
	void sendPollPostsOptionsAndTitle() throws Exception {
		enqueueJson(200, """
				{"poll_id":"poll_1","chat_id":"+15551234567",
				 "poll":{"title":"Lunch?","options":["Pizza","Sushi"]},"sent_at":1735324800000}
				""");
		StepVerifier.create(this.blooio.chats().sendPoll("+15551234567", "Lunch?", List.of("Pizza", "Sushi")))
			.assertNext((sent) -> {
				assertThat(sent.pollId()).isEqualTo("poll_1");
				assertThat(sent.chatId()).isEqualTo("+15551234567");
				assertThat(sent.poll().title()).isEqualTo("Lunch?");
				assertThat(sent.poll().options()).containsExactly("Pizza", "Sushi");
				assertThat(sent.sentAt()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/polls");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(bodyOf(request)).isEqualTo("{\"options\":[\"Pizza\",\"Sushi\"],\"title\":\"Lunch?\"}");
	}

	@Test
	void sendPollWithoutTitleOmitsIt() throws Exception {
		enqueueJson(200, "{\"poll_id\":\"poll_2\",\"poll\":{\"options\":[\"A\",\"B\",\"C\"]}}");
		StepVerifier.create(this.blooio.chats().sendPoll("grp_1", null, List.of("A", "B", "C")))
			.assertNext((sent) -> assertThat(sent.poll().title()).isNull())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"options\":[\"A\",\"B\",\"C\"]}");
	}

	@Test
	void sendPollWithTooFewOrTooManyOrEmptyOptionsSendsNothing() {
		List<String> eleven = Collections.nCopies(11, "x");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.chats().sendPoll("grp_1", "t", List.of("only")))
			.withMessageContaining("2 to 10");
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.chats().sendPoll("grp_1", "t", eleven))
			.withMessageContaining("got 11");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.chats().sendPoll("grp_1", "t", Arrays.asList("A", " ")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.chats().sendPoll("grp_1", "t", Arrays.asList("A", null)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void sendPollAcceptsTenOptions() throws Exception {
		enqueueJson(200, "{\"poll_id\":\"poll_3\"}");
		List<String> ten = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		StepVerifier.create(this.blooio.chats().sendPoll("grp_1", null, ten))
			.assertNext((sent) -> assertThat(sent.pollId()).isEqualTo("poll_3"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).contains("\"10\"");
	}

	@Test
	void pollResultsReadsVotes() throws Exception {
		enqueueJson(200, """
				{"poll_id":"poll_1","chat_id":"+15551234567","title":"Lunch?",
				 "options":[{"text":"Pizza","votes":3},{"text":"Sushi","votes":1}],"total_votes":4}
				""");
		StepVerifier.create(this.blooio.chats().pollResults("+15551234567", "poll_1")).assertNext((results) -> {
			assertThat(results.pollId()).isEqualTo("poll_1");
			assertThat(results.title()).isEqualTo("Lunch?");
			assertThat(results.options()).extracting("text").containsExactly("Pizza", "Sushi");
			assertThat(results.options()).extracting("votes").containsExactly(3, 1);
			assertThat(results.totalVotes()).isEqualTo(4);
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/polls/poll_1");
	}

	private static void assertMultipartBackground(RecordedRequest request, String filename, String partContentType) {
		String contentType = request.getHeaders().get("Content-Type");
		assertThat(contentType).startsWith("multipart/form-data").contains("boundary=");
		String text = new String(request.getBody().toByteArray(), StandardCharsets.ISO_8859_1);
		assertThat(text).contains("name=\"background\"")
			.contains("filename=\"" + filename + "\"")
			.contains("Content-Type: " + partContentType)
			.contains(new String(JPEG, StandardCharsets.ISO_8859_1));
		String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
		assertThat(text).contains("--" + boundary + "--");
	}

}
