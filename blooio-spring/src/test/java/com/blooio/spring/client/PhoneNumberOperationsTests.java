package com.blooio.spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.account.PhoneNumberLocation;
import com.blooio.spring.model.account.PhoneNumberLookupResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PhoneNumberOperations} against a mock Blooio server.
 */
class PhoneNumberOperationsTests extends BlooioServerTestSupport {

	private static final String RESULT = """
			{"input": "+14155552671", "valid": true, "possible": true, "e164": "+14155552671",
			 "national": "(415) 555-2671", "international": "+1 415-555-2671", "country_calling_code": "1",
			 "country": "US", "national_number": "4155552671", "type": "FIXED_LINE_OR_MOBILE",
			 "location": {"city": "San Francisco", "region": "CA", "region_name": "California"},
			 "area_code": "415", "exchange": "555", "area_code_region": "California"}
			""";

	@Test
	void lookupSendsEncodedNumberAsQueryAndReadsResult() throws Exception {
		enqueueJson(200, RESULT);
		StepVerifier.create(this.blooio.phoneNumbers().lookup("+14155552671")).assertNext((result) -> {
			assertThat(result.input()).isEqualTo("+14155552671");
			assertThat(result.valid()).isTrue();
			assertThat(result.possible()).isTrue();
			assertThat(result.e164()).isEqualTo("+14155552671");
			assertThat(result.national()).isEqualTo("(415) 555-2671");
			assertThat(result.international()).isEqualTo("+1 415-555-2671");
			assertThat(result.countryCallingCode()).isEqualTo("1");
			assertThat(result.country()).isEqualTo("US");
			assertThat(result.nationalNumber()).isEqualTo("4155552671");
			assertThat(result.type()).isEqualTo("FIXED_LINE_OR_MOBILE");
			assertThat(result.location()).isEqualTo(new PhoneNumberLocation("San Francisco", "CA", "California"));
			assertThat(result.areaCode()).isEqualTo("415");
			assertThat(result.exchange()).isEqualTo("555");
			assertThat(result.areaCodeRegion()).isEqualTo("California");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/phone-numbers/lookup?number=%2B14155552671");
	}

	@Test
	void lookupToleratesInvalidNumberWithNulls() {
		enqueueJson(200, "{\"input\":\"abc\",\"valid\":false,\"possible\":false,\"e164\":null,\"country\":null,"
				+ "\"country_calling_code\":44,\"type\":null,\"location\":null}");
		StepVerifier.create(this.blooio.phoneNumbers().lookup("abc")).assertNext((result) -> {
			assertThat(result.valid()).isFalse();
			assertThat(result.e164()).isNull();
			assertThat(result.countryCallingCode()).isEqualTo("44");
			assertThat(result.type()).isNull();
			assertThat(result.location()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void lookupByPostSendsNumberInBody() throws Exception {
		enqueueJson(200, RESULT);
		StepVerifier.create(this.blooio.phoneNumbers().lookupByPost("+14155552671"))
			.assertNext((result) -> assertThat(result.e164()).isEqualTo("+14155552671"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/phone-numbers/lookup");
		assertThat(bodyOf(request)).isEqualTo("{\"number\":\"+14155552671\"}");
	}

	@Test
	void batchLookupPostsNumbersAndReadsResults() throws Exception {
		enqueueJson(200, "{\"results\":[" + RESULT + ",{\"input\":\"+442071838750\",\"valid\":true,"
				+ "\"e164\":\"+442071838750\",\"country\":\"GB\",\"type\":\"FIXED_LINE\",\"location\":null}]}");
		StepVerifier.create(this.blooio.phoneNumbers().batchLookup(List.of("+14155552671", "+442071838750")))
			.assertNext((results) -> {
				assertThat(results).extracting(PhoneNumberLookupResult::e164)
					.containsExactly("+14155552671", "+442071838750");
				assertThat(results.get(1).country()).isEqualTo("GB");
				assertThat(results.get(1).location()).isNull();
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/phone-numbers/batch");
		assertThat(bodyOf(request)).isEqualTo("{\"numbers\":[\"+14155552671\",\"+442071838750\"]}");
	}

	@Test
	void batchLookupOfOneHundredOneIsRejectedBeforeSending() {
		List<String> numbers = IntStream.range(0, 101).mapToObj((i) -> "+1415555" + (1000 + i)).toList();
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.phoneNumbers().batchLookup(numbers))
			.withMessageContaining("100");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void batchLookupOfNoneIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.phoneNumbers().batchLookup(List.of()));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void batchLookupWithBlankEntryIsRejectedBeforeSending() {
		List<String> numbers = new ArrayList<>(List.of("+14155552671", " "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.phoneNumbers().batchLookup(numbers));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void lookupWithoutEnterprisePlanIsForbiddenApiException() {
		enqueueJson(403, "{\"error\":\"ApiError\",\"message\":\"Phone number lookup requires the Enterprise plan\","
				+ "\"status\":403}");
		StepVerifier.create(this.blooio.phoneNumbers().lookup("+14155552671")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			BlooioApiException forbidden = (BlooioApiException) error;
			assertThat(forbidden.getStatusCode()).isEqualTo(403);
			assertThat(forbidden.getApiMessage()).isEqualTo("Phone number lookup requires the Enterprise plan");
			assertThat(forbidden.getMessage()).contains("lookupPhoneNumber", "403", "Enterprise plan");
			assertThat(forbidden.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

}
