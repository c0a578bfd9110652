package com.blooio.spring.test.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.model.message.PollResults;
import com.blooio.spring.model.message.PollSent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the simulator's HTTP control API ({@code /simulator/...}).
 */
class SimulatorControlApiTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new WebhookReceiver();
		this.sim.registerWebhook(this.receiver.url());
	}

	@AfterEach
	void closeReceiver() {
		this.receiver.close();
	}

	@Test
	void inboundOverHttpDeliversMessageReceivedFromTheContact() throws Exception {
		HttpResponse<String> response = postInbound("{\"from\":\"+15551234567\",\"text\":\"hi\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		String messageId = JSON.readTree(response.body()).path("message_id").asString();
		JsonNode json = JSON.readTree(this.receiver.awaitEvent("message.received").body());
		assertThat(json.path("message_id").asString()).isEqualTo(messageId);
		assertThat(json.path("sender").asString()).isEqualTo("+15551234567");
		assertThat(json.path("text").asString()).isEqualTo("hi");
	}

	@Test
	void inboundOverHttpWithGroupFieldsDeliversAGroupMessage() throws Exception {
		postInbound("{\"from\":\"+15552220000\",\"text\":\"Standup?\",\"group_id\":\"grp_team\","
				+ "\"group_name\":\"Team\",\"members\":[\"+15551110000\"]}");
		JsonNode json = JSON.readTree(this.receiver.awaitEvent("message.received").body());
		assertThat(json.path("group_id").asString()).isEqualTo("grp_team");
		assertThat(json.path("sender").asString()).isEqualTo("+15552220000");
	}

	@Test
	void inboundWithoutSenderIsBadRequest() throws Exception {
		assertThat(postInbound("{\"text\":\"hi\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void inboundWithGetIsMethodNotAllowed() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(controlUri()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void voteOverHttpIsCountedInThePollResults() throws Exception {
		PollSent poll = this.blooio.chats()
			.sendPoll("+15551234567", "Lunch?", List.of("Pizza", "Sushi"))
			.block(TIMEOUT);
		HttpResponse<String> response = post("/simulator/polls/" + poll.pollId() + "/votes",
				"{\"voter\":\"+15551234567\",\"option\":\"Sushi\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.blooio.chats().pollResults("+15551234567", poll.pollId()).block(TIMEOUT).options())
			.extracting(PollResults.Option::votes)
			.containsExactly(0, 1);
	}

	@Test
	void voteOnAnUnknownPollIsNotFound() throws Exception {
		assertThat(post("/simulator/polls/poll_unknown/votes", "{\"voter\":\"+15551234567\",\"option\":\"A\"}")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void locationOverHttpIsListed() throws Exception {
		HttpResponse<String> response = post("/simulator/locations",
				"{\"handle\":\"+15551234567\",\"latitude\":40.7,\"longitude\":-74.0}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.blooio.location().contacts().block(TIMEOUT)).singleElement()
			.satisfies((location) -> assertThat(location.handle()).isEqualTo("+15551234567"));
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.sim.port() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postInbound(String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(controlUri())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI controlUri() {
		return URI.create("http://127.0.0.1:" + this.sim.port() + "/simulator/inbound");
	}

}
