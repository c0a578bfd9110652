package com.blooio.spring.client;

import java.time.Instant;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioNoActiveNumberException;
import com.blooio.spring.model.contact.ContactLocation;
import com.blooio.spring.model.contact.LocationCoordinates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocationOperations} and {@link FaceTimeOperations} against a mock
 * Blooio server.
 */
class LocationOperationsTests extends BlooioServerTestSupport {

	private static final String FRIENDS = """
			{"friends": [
			  {"handle": "+15551234567", "coordinates": [37.7749, -122.4194], "status": "live",
			   "last_updated": 1735324800000},
			  {"handle": "jane@example.com", "coordinates": null, "status": "legacy", "last_updated": null},
			  {"handle": "+15550001111", "coordinates": [51.5], "status": "some_future_status"}
			]}
			""";

	@Test
	void contactsReadsFriendsWithCoordinatesAndOpenStatus() throws Exception {
		enqueueJson(200, FRIENDS);
		StepVerifier.create(this.blooio.location().contacts()).assertNext((friends) -> {
			assertThat(friends).hasSize(3);
			assertThat(friends.get(0)).isEqualTo(new ContactLocation("+15551234567",
					new LocationCoordinates(37.7749, -122.4194), "live", Instant.ofEpochMilli(1735324800000L)));
			assertThat(friends.get(1).coordinates()).isNull();
			assertThat(friends.get(1).status()).isEqualTo("legacy");
			assertThat(friends.get(1).lastUpdated()).isNull();
			assertThat(friends.get(2).coordinates()).isEqualTo(new LocationCoordinates(51.5, null));
			assertThat(friends.get(2).status()).isEqualTo("some_future_status");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/location/contacts");
	}

	@Test
	void contactsWithoutFriendsFieldIsEmpty() {
		enqueueJson(200, "{}");
		StepVerifier.create(this.blooio.location().contacts())
			.assertNext((friends) -> assertThat(friends).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void contactEncodesHandleAndReadsLocation() throws Exception {
		enqueueJson(200, "{\"handle\":\"+15551234567\",\"coordinates\":[37.7749,-122.4194],\"status\":\"shallow\","
				+ "\"last_updated\":1735324800000}");
		StepVerifier.create(this.blooio.location().contact("+15551234567")).assertNext((location) -> {
			assertThat(location.handle()).isEqualTo("+15551234567");
			assertThat(location.coordinates().latitude()).isEqualTo(37.7749);
			assertThat(location.coordinates().longitude()).isEqualTo(-122.4194);
			assertThat(location.status()).isEqualTo("shallow");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/location/contacts/%2B15551234567");
	}

	@Test
	void refreshPostsWithoutBodyAndReadsFriends() throws Exception {
		enqueueJson(200, "{\"success\":true,\"friends\":[{\"handle\":\"+15551234567\",\"coordinates\":[1.5,2.5],"
				+ "\"status\":\"live\",\"last_updated\":1735324800000}]}");
		StepVerifier.create(this.blooio.location().refresh()).assertNext((refresh) -> {
			assertThat(refresh.success()).isTrue();
			assertThat(refresh.friends()).extracting(ContactLocation::handle).containsExactly("+15551234567");
			assertThat(refresh.friends().get(0).coordinates()).isEqualTo(new LocationCoordinates(1.5, 2.5));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/location/contacts/refresh");
		assertThat(bodyOf(request)).isEmpty();
	}

	@Test
	void contactsEmptyNotFoundBecomesNoActiveNumberException() {
		this.server.enqueue(new MockResponse.Builder().code(404).build());
		StepVerifier.create(this.blooio.location().contacts()).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioNoActiveNumberException.class);
			BlooioNoActiveNumberException noNumber = (BlooioNoActiveNumberException) error;
			assertThat(noNumber.getStatusCode()).isEqualTo(404);
			assertThat(noNumber.getOperation()).isEqualTo("listLocationContacts");
			assertThat(noNumber.getMessage()).contains("no active number");
			assertThat(noNumber.isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void contactEmptyNotFoundBecomesNoActiveNumberException() {
		this.server.enqueue(new MockResponse.Builder().code(404).build());
		StepVerifier.create(this.blooio.location().contact("+15551234567"))
			.expectError(BlooioNoActiveNumberException.class)
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void refreshEmptyNotFoundBecomesNoActiveNumberException() {
		this.server.enqueue(new MockResponse.Builder().code(404).build());
		StepVerifier.create(this.blooio.location().refresh())
			.expectError(BlooioNoActiveNumberException.class)
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void contactsNotFoundWithHtmlBodyStaysAPlainApiException() {
		this.server.enqueue(new MockResponse.Builder().code(404).body("<html>Not Found</html>").build());
		StepVerifier.create(this.blooio.location().contacts())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(BlooioApiException.class))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void contactNotFoundWithJsonBodyStaysAPlainApiException() {
		enqueueJson(404, "{\"error\":\"ApiError\",\"message\":\"Contact not found\",\"status\":404}");
		StepVerifier.create(this.blooio.location().contact("+15551234567")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			assertThat(((BlooioApiException) error).getStatusCode()).isEqualTo(404);
			assertThat(((BlooioApiException) error).getApiMessage()).isEqualTo("Contact not found");
		}).verify(VERIFY_TIMEOUT);
	}

	@Test
	void faceTimeCallPostsHandleAndReadsLink() throws Exception {
		enqueueJson(200, "{\"success\":true,\"link\":\"https://facetime.apple.com/join#v=1&p=abc\","
				+ "\"handle\":\"+15551234567\"}");
		StepVerifier.create(this.blooio.facetime().call("+15551234567")).assertNext((call) -> {
			assertThat(call.success()).isTrue();
			assertThat(call.link()).isEqualTo("https://facetime.apple.com/join#v=1&p=abc");
			assertThat(call.handle()).isEqualTo("+15551234567");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/facetime/calls");
		assertThat(bodyOf(request)).isEqualTo("{\"handle\":\"+15551234567\"}");
	}

}
