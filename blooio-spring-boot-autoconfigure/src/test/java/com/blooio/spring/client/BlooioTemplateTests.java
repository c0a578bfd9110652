package com.blooio.spring.client;

import java.net.URI;
import java.time.Duration;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BlooioTemplate} wiring and {@link BlooioClientSettings}.
 */
class BlooioTemplateTests extends BlooioServerTestSupport {

	@Test
	void apiKeyIsNotAddedToTheGivenWebClient() throws Exception {
		WebClient shared = WebClient.builder().build();
		BlooioTemplate template = new BlooioTemplate(shared, settings());
		enqueueJson(200, "{\"id\":\"+15551234567\"}");
		enqueueJson(200, "{}");
		StepVerifier.create(template.chats().get("+15551234567"))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		StepVerifier.create(shared.get().uri(this.server.url("/other").uri()).retrieve().bodyToMono(String.class))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
		RecordedRequest other = takeRequest();
		assertThat(other.getTarget()).isEqualTo("/other");
		assertThat(other.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void baseUrlWithTrailingSlashDoesNotDoubleTheSlash() throws Exception {
		template(settings().withBaseUrl(URI.create(this.server.url("/v2/api/").toString())));
		enqueueJson(200, "{}");
		StepVerifier.create(this.blooio.account().me()).expectNextCount(1).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/me");
	}

	@Test
	void defaultSettingsPointAtBlooio() {
		BlooioClientSettings settings = BlooioClientSettings.of(API_KEY);
		assertThat(settings.baseUrl()).isEqualTo(URI.create("https://backend.blooio.com/v2/api"));
		assertThat(settings.maxAttempts()).isEqualTo(3);
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.defaultFromNumber()).isNull();
	}

	@Test
	void settingsRejectInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> BlooioClientSettings.of(" "));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlooioClientSettings.of(API_KEY).withBaseUrl(URI.create("/relative")));
		assertThatIllegalArgumentException().isThrownBy(
				() -> BlooioClientSettings.of(API_KEY).withRetry(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> BlooioClientSettings.of(API_KEY).withRetry(2, Duration.ofMillis(100), Duration.ofMillis(10)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BlooioClientSettings.of(API_KEY).withResponseTimeout(Duration.ZERO));
	}

	@Test
	void toStringNeverShowsTheApiKey() {
		assertThat(settings().toString()).doesNotContain(API_KEY).contains("apiKey=******");
		assertThat(this.blooio.toString()).doesNotContain(API_KEY);
	}

}
