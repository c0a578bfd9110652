package com.blooio.spring.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.json.BlooioJson;
import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.Me;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AccountOperations} and {@link ContactOperations} against a mock Blooio
 * server.
 */
class AccountAndContactOperationsTests extends BlooioServerTestSupport {

	@Test
	void meReadsAccountOrganizationDevicesAndUsage() throws Exception {
		enqueueFixture(200, "response-me.json");
		StepVerifier.create(this.blooio.account().me()).assertNext((me) -> {
			assertThat(me.authType()).isEqualTo("api_key");
			assertThat(me.valid()).isTrue();
			assertThat(me.userId()).isNull();
			assertThat(me.organizationId()).isEqualTo("org_a1b2c3d4");
			assertThat(me.organization().name()).isEqualTo("Acme Inc");
			assertThat(me.organization().countryCode()).isEqualTo("US");
			assertThat(me.organization().createdAt()).isEqualTo(Instant.ofEpochMilli(1720000000000L));
			assertThat(me.metadata()).isEmpty();
			assertThat(me.integrationDetails()).isNull();
			assertThat(me.devices()).containsExactly(
					new AccountNumber("+15559998888", true, Instant.ofEpochMilli(1735324800000L), "dedicated"));
			assertThat(me.usage().inboundMessages()).isEqualTo(120L);
			assertThat(me.usage().outboundMessages()).isEqualTo(340L);
			assertThat(me.usage().lastMessageSent()).isEqualTo(Instant.ofEpochMilli(1735324801370L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer bl_test_key");
	}

	@Test
	void meReadsTheApiKeyBlooioEchoes() {
		enqueueFixture(200, "response-me.json");
		StepVerifier.create(this.blooio.account().me())
			.assertNext((me) -> assertThat(me.apiKey()).isEqualTo("bl_live_REDACTED"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void meNeverPrintsTheApiKey() {
		enqueueFixture(200, "response-me.json");
		StepVerifier.create(this.blooio.account().me()).assertNext((me) -> {
			assertThat(me.toString()).doesNotContain("bl_live_REDACTED").contains("apiKey=[REDACTED]", "org_a1b2c3d4");
			assertThat(me.metadata()).doesNotContainKey("api_key");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void meWrittenAsJsonLeavesTheApiKeyOut() {
		enqueueFixture(200, "response-me.json");
		StepVerifier.create(this.blooio.account().me()).assertNext((me) -> {
			assertThat(me.apiKey()).isEqualTo("bl_live_REDACTED");
			assertThat(BlooioJson.mapper().writeValueAsString(me)).doesNotContain("bl_live_REDACTED", "\"api_key\":")
				.contains("org_a1b2c3d4");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void meOfDashboardAuthenticationHasNoApiKey() {
		enqueueJson(200,
				"{\"auth_type\":\"dashboard\",\"valid\":true,\"user_id\":\"usr_1\",\"organization_id\":\"org_1\"}");
		StepVerifier.create(this.blooio.account().me()).assertNext((me) -> {
			assertThat(me.apiKey()).isNull();
			assertThat(me.toString()).contains("apiKey=null");
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void meCreatedWithoutAnApiKeyHasNone() {
		Me me = new Me("api_key", true, null, "org_1", null, Map.of(), null, List.of(), null);
		assertThat(me.apiKey()).isNull();
		assertThat(me.organizationId()).isEqualTo("org_1");
	}

	@Test
	void meDefaultsMissingMetadataAndDevicesToEmpty() {
		enqueueJson(200, "{\"auth_type\":\"api_key\",\"valid\":true}");
		StepVerifier.create(this.blooio.account().me()).assertNext((me) -> {
			assertThat(me.metadata()).isEmpty();
			assertThat(me.devices()).isEmpty();
			assertThat(me.organization()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void numbersReadsIsoLastActiveAndNull() throws Exception {
		enqueueFixture(200, "response-list-numbers.json");
		StepVerifier.create(this.blooio.account().numbers()).assertNext((numbers) -> {
			assertThat(numbers).hasSize(2);
			AccountNumber dedicated = numbers.get(0);
			assertThat(dedicated.phoneNumber()).isEqualTo("+15559998888");
			assertThat(dedicated.active()).isTrue();
			assertThat(dedicated.lastActive()).isEqualTo(Instant.parse("2024-12-27T18:40:00.000Z"));
			assertThat(dedicated.planKind()).isEqualTo("dedicated");
			assertThat(dedicated.replyOnly()).isFalse();
			AccountNumber replyOnly = numbers.get(1);
			assertThat(replyOnly.phoneNumber()).isEqualTo("+15557776666");
			assertThat(replyOnly.active()).isFalse();
			assertThat(replyOnly.lastActive()).isNull();
			assertThat(replyOnly.replyOnly()).isTrue();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me/numbers");
	}

	@Test
	void numbersWithoutNumbersFieldIsEmpty() {
		enqueueJson(200, "{}");
		StepVerifier.create(this.blooio.account().numbers())
			.assertNext((numbers) -> assertThat(numbers).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void capabilitiesEncodesPhoneContactAndReadsCapabilities() throws Exception {
		enqueueFixture(200, "response-contact-capabilities.json");
		StepVerifier.create(this.blooio.contacts().capabilities("+15551234567")).assertNext((capabilities) -> {
			assertThat(capabilities.contact()).isEqualTo("+15551234567");
			assertThat(capabilities.type()).isEqualTo("phone");
			assertThat(capabilities.supportsImessage()).isTrue();
			assertThat(capabilities.capabilities().sms()).isTrue();
			assertThat(capabilities.capabilities().facetime()).isTrue();
			assertThat(capabilities.lastChecked()).isEqualTo(Instant.ofEpochMilli(1735324700000L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567/capabilities");
	}

	@Test
	void capabilitiesEncodesEmailContact() throws Exception {
		enqueueJson(200, "{\"contact\":\"jane@example.com\",\"type\":\"email\","
				+ "\"capabilities\":{\"imessage\":false,\"facetime\":false},\"last_checked\":1735324700000}");
		StepVerifier.create(this.blooio.contacts().capabilities("jane@example.com")).assertNext((capabilities) -> {
			assertThat(capabilities.supportsImessage()).isFalse();
			assertThat(capabilities.capabilities().sms()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/contacts/jane%40example.com/capabilities");
	}

	@Test
	void capabilitiesReadsLegacyCamelCaseLastChecked() {
		enqueueJson(200, "{\"contact\":\"+15551234567\",\"capabilities\":{\"imessage\":true,\"sms\":true},"
				+ "\"lastChecked\":1735324700000}");
		StepVerifier.create(this.blooio.contacts().capabilities("+15551234567"))
			.assertNext((capabilities) -> assertThat(capabilities.lastChecked())
				.isEqualTo(Instant.ofEpochMilli(1735324700000L)))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

}
