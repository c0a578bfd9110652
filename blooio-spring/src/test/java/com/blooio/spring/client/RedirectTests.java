package com.blooio.spring.client;

import java.io.IOException;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.spring.client.exception.BlooioRedirectException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blooio defines no redirect: the client follows none, and refuses one that an HTTP
 * client configured to follow redirects would take to another host, so a message, its
 * {@code Idempotency-Key} and the API key never reach a host the redirect names.
 */
class RedirectTests extends BlooioServerTestSupport {

	private static final String CHAT = "+15551234567";

	private MockWebServer elsewhere;

	@BeforeEach
	void startElsewhere() throws IOException {
		this.elsewhere = new MockWebServer();
		this.elsewhere.start();
	}

	@AfterEach
	void closeElsewhere() {
		this.elsewhere.close();
	}

	@Test
	void redirectToAnotherHostFailsWithItsStatusAndTargetAndIsNotRetried() {
		this.server.enqueue(redirectElsewhere());
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioRedirectException.class);
			BlooioRedirectException redirect = (BlooioRedirectException) error;
			assertThat(redirect.getStatusCode()).isEqualTo(307);
			assertThat(redirect.getTarget()).isEqualTo(elsewhereOrigin());
			assertThat(redirect.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isOne();
		assertThat(this.elsewhere.getRequestCount()).isZero();
	}

	@Test
	void redirectMessageNamesOnlyTheTargetOriginNeverItsPathOrQuery() {
		this.server.enqueue(redirectElsewhere());
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.expectErrorSatisfies((error) -> assertThat(error)
				.hasMessage("Blooio sendMessage answered HTTP 307, a redirect to " + elsewhereOrigin()
						+ "; the Blooio client does not follow redirects (check blooio.base-url and any proxy)")
				.hasMessageNotContaining("token"))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void redirectWithoutLocationFailsWithItsStatus() {
		this.server.enqueue(new MockResponse.Builder().code(302).build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			BlooioRedirectException redirect = (BlooioRedirectException) error;
			assertThat(redirect.getStatusCode()).isEqualTo(302);
			assertThat(redirect.getTarget()).isNull();
		}).verify(VERIFY_TIMEOUT);
	}

	@Test
	void httpClientThatFollowsRedirectsIsStoppedBeforeSendingAnythingToAnotherHost() {
		this.blooio = new BlooioTemplate(followingRedirects(), settings());
		this.server.enqueue(redirectElsewhere());
		this.elsewhere.enqueue(json(202, "{\"message_id\":\"stolen\"}"));
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioRedirectException.class);
			BlooioRedirectException redirect = (BlooioRedirectException) error;
			assertThat(redirect.getStatusCode()).isNull();
			assertThat(redirect.getTarget()).isEqualTo(elsewhereOrigin());
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isOne();
		assertThat(this.elsewhere.getRequestCount()).isZero();
		assertConnectionErrorsLogged("com.blooio.spring.client.internal.RedirectRefusal$RedirectToAnotherHost");
	}

	@Test
	void httpClientThatFollowsRedirectsMayStillFollowOneOnTheSameHost() throws Exception {
		this.blooio = new BlooioTemplate(followingRedirects(), settings());
		this.server.enqueue(new MockResponse.Builder().code(307)
			.addHeader("Location", this.server.url("/v2/api/chats/moved").toString())
			.build());
		enqueueJson(200, "{\"id\":\"+15551234567\",\"type\":\"phone\"}");
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		takeRequest();
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/moved");
	}

	private MockResponse redirectElsewhere() {
		return new MockResponse.Builder().code(307)
			.addHeader("Location", this.elsewhere.url("/v2/api/chats/steal?token=abc").toString())
			.build();
	}

	private String elsewhereOrigin() {
		return "http://" + this.elsewhere.getHostName() + ":" + this.elsewhere.getPort();
	}

	private static WebClient followingRedirects() {
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true)))
			.build();
	}

}
