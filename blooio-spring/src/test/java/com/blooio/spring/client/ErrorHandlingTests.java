package com.blooio.spring.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferLimitException;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioAuthenticationException;
import com.blooio.spring.client.exception.BlooioConflictException;
import com.blooio.spring.client.exception.BlooioInboundOnlyException;
import com.blooio.spring.client.exception.BlooioInvalidContentException;
import com.blooio.spring.client.exception.BlooioInvalidResponseException;
import com.blooio.spring.client.exception.BlooioNoActiveDeviceException;
import com.blooio.spring.client.exception.BlooioQuotaExceededException;
import com.blooio.spring.client.exception.BlooioTransportException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for mapping Blooio's error answers and transport failures to exceptions.
 */
class ErrorHandlingTests extends BlooioServerTestSupport {

	private static final String CHAT = "+15551234567";

	@Test
	void outboundLimitBecomesQuotaExceededWithContextAndIsNotRetried() {
		enqueueFixture(429, "error-429-outbound-limit.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioQuotaExceededException.class);
			BlooioQuotaExceededException quota = (BlooioQuotaExceededException) error;
			assertThat(quota.getStatusCode()).isEqualTo(429);
			assertThat(quota.getCode()).isEqualTo(BlooioQuotaExceededException.OUTBOUND_LIMIT_REACHED);
			assertThat(quota.getLimit()).isEqualTo(10L);
			assertThat(quota.getCurrent()).isEqualTo(10L);
			assertThat(quota.getMode()).isEqualTo("per_number");
			assertThat(quota.getSenderNumber()).isEqualTo("+15559998888");
			assertThat(quota.getError().contextString("allocation_id")).isEqualTo("alloc_8f2k4m");
			assertThat(quota.getApiMessage()).isEqualTo("Outbound new-contact limit reached.");
			assertThat(quota.getOperation()).isEqualTo("sendMessage");
			assertThat(quota.isTransient()).isFalse();
			assertThat(quota.getIdempotencyKey()).isNotNull();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void quotaExceptionMessageKeepsNumbersButNotPersonalData() {
		enqueueFixture(429, "error-429-outbound-limit.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.expectErrorSatisfies((error) -> assertThat(error.getMessage())
				.contains("sendMessage", "429", "outbound_limit_reached", "limit=10", "current=10")
				.doesNotContain("+15559998888")
				.doesNotContain("alloc_8f2k4m"))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void newConversationLimitBecomesQuotaExceededWithPlanAndCap() {
		enqueueJson(429, """
				{"error": "ApiError", "message": "Daily new-conversation limit reached.", "status": 429,
				 "code": "new_conversation_limit_reached", "plan_id": "plan_shared_01", "cap": 25, "current": 25}
				""");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioQuotaExceededException.class);
			BlooioQuotaExceededException quota = (BlooioQuotaExceededException) error;
			assertThat(quota.getCode()).isEqualTo(BlooioQuotaExceededException.NEW_CONVERSATION_LIMIT_REACHED);
			assertThat(quota.getPlanId()).isEqualTo("plan_shared_01");
			assertThat(quota.getLimit()).isEqualTo(25L);
			assertThat(quota.getCurrent()).isEqualTo(25L);
			assertThat(quota.getMode()).isNull();
			assertThat(quota.getSenderNumber()).isNull();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void inboundOnlyBecomesInboundOnlyExceptionWithAllocationAndExternalId() {
		enqueueJson(403, """
				{"error": "ApiError", "message": "This number can only reply to contacts who messaged it first.",
				 "status": 403, "code": "inbound_only_no_prior_inbound", "allocation_id": "alloc_8f2k4m",
				 "external_id": "+15551234567"}
				""");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioInboundOnlyException.class);
			BlooioInboundOnlyException inboundOnly = (BlooioInboundOnlyException) error;
			assertThat(inboundOnly.getStatusCode()).isEqualTo(403);
			assertThat(inboundOnly.getCode()).isEqualTo(BlooioInboundOnlyException.CODE);
			assertThat(inboundOnly.getAllocationId()).isEqualTo("alloc_8f2k4m");
			assertThat(inboundOnly.getExternalId()).isEqualTo("+15551234567");
			assertThat(inboundOnly.isTransient()).isFalse();
			assertThat(inboundOnly.getMessage()).doesNotContain("+15551234567");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void forbiddenWithoutCodeIsAPlainApiException() {
		enqueueJson(403,
				"{\"error\":\"ApiError\",\"message\":\"Emergency numbers cannot be messaged.\",\"status\":403}");
		StepVerifier.create(this.blooio.messages().send("+1911", "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			assertThat(((BlooioApiException) error).getCode()).isNull();
			assertThat(((BlooioApiException) error).isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void serviceUnavailableBecomesNoActiveDeviceAndIsNotRetried() {
		enqueueFixture(503, "error-503-no-active-device.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioNoActiveDeviceException.class);
			BlooioNoActiveDeviceException noDevice = (BlooioNoActiveDeviceException) error;
			assertThat(noDevice.getStatusCode()).isEqualTo(503);
			assertThat(noDevice.getApiMessage()).isEqualTo("No active number available");
			assertThat(noDevice.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void unauthorizedBecomesAuthenticationExceptionWithoutTheApiKey() {
		enqueueFixture(401, "error-401.json");
		StepVerifier.create(this.blooio.account().me()).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioAuthenticationException.class);
			BlooioAuthenticationException authentication = (BlooioAuthenticationException) error;
			assertThat(authentication.getStatusCode()).isEqualTo(401);
			assertThat(authentication.getApiMessage()).isEqualTo("Invalid or missing API key.");
			assertThat(authentication.isTransient()).isFalse();
			assertThat(authentication.getOperation()).isEqualTo("getMe");
			assertDoesNotContainApiKey(authentication);
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void errorThatEchoesTheAuthorizationHeaderDoesNotPutTheApiKeyIntoTheException() {
		enqueueJson(401,
				"{\"error\":\"Unauthorized\",\"message\":\"Invalid key Bearer " + API_KEY
						+ "\",\"code\":\"invalid_api_key\",\"request\":{\"headers\":\"Authorization: Bearer " + API_KEY
						+ "\"},\"hint\":\"key " + API_KEY + " is revoked\"}");
		StepVerifier.create(this.blooio.account().me()).expectErrorSatisfies((error) -> {
			BlooioAuthenticationException authentication = (BlooioAuthenticationException) error;
			assertThat(authentication.getApiMessage()).isEqualTo("Invalid key Bearer ******");
			assertThat(authentication.getContext()).containsEntry("hint", "key ****** is revoked");
			assertThat(String.valueOf(authentication.getContext())).doesNotContain(API_KEY);
			assertDoesNotContainApiKey(authentication);
		}).verify(VERIFY_TIMEOUT);
	}

	@Test
	void successWithABodyBeyondTheLimitBecomesAnInvalidResponseException() {
		byte[] huge = new byte[17 * 1024 * 1024];
		Arrays.fill(huge, (byte) ' ');
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(new Buffer().write(huge))
			.build());
		StepVerifier.create(this.blooio.account().me()).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioInvalidResponseException.class);
			assertThat(((BlooioInvalidResponseException) error).getStatusCode()).isEqualTo(200);
			assertThat(error).hasCauseInstanceOf(DataBufferLimitException.class);
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void plainBadRequestKeepsBlooioMessage() {
		enqueueFixture(400, "error-400-plain.json");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			BlooioApiException api = (BlooioApiException) error;
			assertThat(api.getStatusCode()).isEqualTo(400);
			assertThat(api.getCode()).isNull();
			assertThat(api.getApiMessage()).isEqualTo("Invalid request parameters.");
			assertThat(api.getError().error()).isEqualTo("ApiError");
			assertThat(api.getContext()).isEmpty();
			assertThat(api.getMessage())
				.isEqualTo("Blooio sendMessage failed with HTTP 400: Invalid request parameters.");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void htmlErrorPageOnNonRetriedPostBecomesApiExceptionWithStatusOnly() {
		this.server.enqueue(new MockResponse.Builder().code(500)
			.addHeader("Content-Type", "text/html")
			.body("<html><body><h1>500 Internal Server Error</h1></body></html>")
			.build());
		StepVerifier.create(this.blooio.chats().markRead(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			BlooioApiException api = (BlooioApiException) error;
			assertThat(api.getStatusCode()).isEqualTo(500);
			assertThat(api.getCode()).isNull();
			assertThat(api.getApiMessage()).isNull();
			assertThat(api.getContext()).isEmpty();
			assertThat(api.getOperation()).isEqualTo("markChatRead");
			assertThat(api.isTransient()).isTrue();
			assertThat(api.getIdempotencyKey()).isNull();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void emptyNotFoundBecomesApiExceptionWithStatus() {
		this.server.enqueue(new MockResponse.Builder().code(404).build());
		StepVerifier.create(this.blooio.messages().get(CHAT, "missing")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			BlooioApiException api = (BlooioApiException) error;
			assertThat(api.getStatusCode()).isEqualTo(404);
			assertThat(api.getCode()).isNull();
			assertThat(api.getApiMessage()).isNull();
			assertThat(api.getMessage()).isEqualTo("Blooio getMessage failed with HTTP 404");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void jsonArrayErrorBodyStillYieldsStatus() {
		enqueueJson(409, "[\"conflict\"]");
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioConflictException.class)
				.extracting("statusCode")
				.isEqualTo(409))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void successWithInvalidJsonBecomesInvalidResponseAndIsNotRetried() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("<html>not json</html>")
			.build());
		StepVerifier.create(this.blooio.chats().get(CHAT)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioInvalidResponseException.class);
			BlooioInvalidResponseException invalid = (BlooioInvalidResponseException) error;
			assertThat(invalid.getStatusCode()).isEqualTo(200);
			assertThat(invalid.getOperation()).isEqualTo("getChat");
			assertThat(invalid.getCause()).isNotNull();
			assertThat(invalid.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void successWithEmptyBodyBecomesInvalidResponse() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		StepVerifier.create(this.blooio.chats().markRead(CHAT))
			.expectError(BlooioInvalidResponseException.class)
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void sendFailureCarriesTheIdempotencyKeyThatWasSent() throws Exception {
		enqueueJson(400, "{\"error\":\"ApiError\",\"status\":400,\"code\":\"attachment_first_message_not_allowed\"}");
		BlooioApiException[] failure = new BlooioApiException[1];
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.expectErrorSatisfies((error) -> failure[0] = (BlooioApiException) error)
			.verify(VERIFY_TIMEOUT);
		assertThat(failure[0].getCode()).isEqualTo("attachment_first_message_not_allowed");
		assertThat(failure[0].getMessage()).contains("[attachment_first_message_not_allowed]", "ApiError");
		assertThat(failure[0].getIdempotencyKey()).isEqualTo(takeRequest().getHeaders().get("Idempotency-Key"));
	}

	@Test
	void invalidContentBecomesInvalidContentExceptionWithStatusCodeAndContext() {
		enqueueJson(400, """
				{"error":"ApiError","status":400,"code":"invalid_content",
				 "message":"format cannot be combined with attachments","field":"format","max_length":20000}
				""");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(BlooioInvalidContentException.class);
			BlooioInvalidContentException failure = (BlooioInvalidContentException) error;
			assertThat(failure.getStatusCode()).isEqualTo(400);
			assertThat(failure.getCode()).isEqualTo(BlooioInvalidContentException.INVALID_CONTENT);
			assertThat(failure.getApiMessage()).isEqualTo("format cannot be combined with attachments");
			assertThat(failure.getContext()).containsEntry("field", "format").containsEntry("max_length", 20000);
			assertThat(failure.getOperation()).isEqualTo("sendMessage");
			assertThat(failure.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void formatUnsupportedForChannelTypeBecomesInvalidContentExceptionWithStatusCodeAndContext() {
		enqueueJson(400, """
				{"error":"ApiError","status":400,"code":"format_unsupported_for_channel_type",
				 "message":"format markdown is only supported on iMessage channels","channel_type":"sms"}
				""");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(BlooioInvalidContentException.class);
			BlooioInvalidContentException failure = (BlooioInvalidContentException) error;
			assertThat(failure.getStatusCode()).isEqualTo(400);
			assertThat(failure.getCode()).isEqualTo(BlooioInvalidContentException.FORMAT_UNSUPPORTED_FOR_CHANNEL_TYPE);
			assertThat(failure.getContext()).containsEntry("channel_type", "sms");
			assertThat(failure.getMessage()).contains("HTTP 400", "[format_unsupported_for_channel_type]");
			assertThat(failure.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void otherBadRequestCodesStayPlainApiExceptions() {
		enqueueJson(400, "{\"error\":\"ApiError\",\"status\":400,\"code\":\"reply_target_invalid\"}");
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(BlooioApiException.class))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void connectionFailureMessageDoesNotContainTheApiKey() throws IOException {
		template(settings().withBaseUrl(URI.create("http://localhost:" + closedPort() + "/v2/api"))
			.withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		StepVerifier.create(this.blooio.messages().send(CHAT, "hi")).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(BlooioTransportException.class);
			assertDoesNotContainApiKey(error);
		}).verify(VERIFY_TIMEOUT);
	}

	@Test
	void errorsForEveryStatusNeverContainTheApiKey() {
		int[] statuses = { 400, 401, 403, 404, 409, 429, 500, 502, 503 };
		template(settings().withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		for (int status : statuses) {
			enqueueJson(status, "{\"error\":\"ApiError\",\"message\":\"failed\",\"status\":" + status + "}");
			StepVerifier.create(this.blooio.messages().send(CHAT, "hi"))
				.expectErrorSatisfies(ErrorHandlingTests::assertDoesNotContainApiKey)
				.verify(VERIFY_TIMEOUT);
		}
	}

	@Test
	void settingsToStringHidesTheApiKey() {
		assertThat(this.blooio.getSettings().toString()).doesNotContain(API_KEY);
		assertThat(this.blooio.toString()).doesNotContain(API_KEY);
	}

	private static void assertDoesNotContainApiKey(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(API_KEY);
			assertThat(cause.toString()).doesNotContain(API_KEY);
			if (cause.getCause() == cause) {
				break;
			}
		}
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
