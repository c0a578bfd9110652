package com.blooio.spring.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioConflictException;
import com.blooio.spring.client.exception.BlooioNotYetAvailableException;
import com.blooio.spring.model.contact.ContactQuery;
import com.blooio.spring.model.contact.ContactSort;
import com.blooio.spring.model.contact.ContactTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the contact and tag calls of {@link ContactOperations} against a mock Blooio
 * server.
 */
class ContactOperationsTests extends BlooioServerTestSupport {

	private static final String CONTACT = "{\"id\":\"+15551234567\",\"contact_id\":\"ct_123\","
			+ "\"identifier\":\"+15551234567\",\"name\":\"Jane\",\"type\":\"phone\",\"created_at\":1735324800000,"
			+ "\"last_message_time\":null,\"tags\":[\"vip\",{\"tag\":\"beta\",\"created_at\":1735324900000}]}";

	@Test
	void listSendsQueryAndReadsPage() throws Exception {
		enqueueJson(200, "{\"contacts\":[" + CONTACT + "],\"pagination\":{\"limit\":10,\"offset\":20,\"total\":21}}");
		ContactQuery query = ContactQuery.defaults().limit(10).offset(20).search("jane doe").sort(ContactSort.NAME_ASC);
		StepVerifier.create(this.blooio.contacts().list(query)).assertNext((page) -> {
			assertThat(page.items()).hasSize(1);
			assertThat(page.items().get(0).contactId()).isEqualTo("ct_123");
			assertThat(page.offset()).isEqualTo(20);
			assertThat(page.hasNext()).isFalse();
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts?limit=10&offset=20&q=jane%20doe&sort=name_asc");
	}

	@Test
	void listWithDefaultsSendsNoQuery() throws Exception {
		enqueueJson(200, "{\"contacts\":[]}");
		StepVerifier.create(this.blooio.contacts().list(ContactQuery.defaults()))
			.assertNext((page) -> assertThat(page.items()).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/contacts");
	}

	@Test
	void listAllWalksTwoPages() throws Exception {
		enqueueJson(200, "{\"contacts\":[{\"contact_id\":\"ct_1\"},{\"contact_id\":\"ct_2\"}],"
				+ "\"pagination\":{\"limit\":2,\"offset\":0,\"total\":3}}");
		enqueueJson(200,
				"{\"contacts\":[{\"contact_id\":\"ct_3\"}],\"pagination\":{\"limit\":2,\"offset\":2,\"total\":3}}");
		StepVerifier.create(this.blooio.contacts().listAll(ContactQuery.defaults().limit(2)).map((c) -> c.contactId()))
			.expectNext("ct_1", "ct_2", "ct_3")
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/contacts?limit=2");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/contacts?limit=2&offset=2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createPostsIdentifierAndNameAndReadsContact() throws Exception {
		enqueueJson(201, CONTACT);
		StepVerifier.create(this.blooio.contacts().create("+15551234567", "Jane")).assertNext((contact) -> {
			assertThat(contact.id()).isEqualTo("+15551234567");
			assertThat(contact.contactId()).isEqualTo("ct_123");
			assertThat(contact.identifier()).isEqualTo("+15551234567");
			assertThat(contact.name()).isEqualTo("Jane");
			assertThat(contact.type()).isEqualTo("phone");
			assertThat(contact.createdAt()).isEqualTo(Instant.ofEpochMilli(1735324800000L));
			assertThat(contact.lastMessageTime()).isNull();
			assertThat(contact.tags()).containsExactly(new ContactTag("vip", null),
					new ContactTag("beta", Instant.ofEpochMilli(1735324900000L)));
			assertThat(contact.tagNames()).containsExactly("vip", "beta");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(bodyOf(request)).isEqualTo("{\"identifier\":\"+15551234567\",\"name\":\"Jane\"}");
	}

	@Test
	void createWithoutNameOmitsName() throws Exception {
		enqueueJson(201, "{\"identifier\":\"jane@example.com\",\"type\":\"email\"}");
		StepVerifier.create(this.blooio.contacts().create("jane@example.com", null))
			.assertNext((contact) -> assertThat(contact.tags()).isEmpty())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"identifier\":\"jane@example.com\"}");
	}

	@Test
	void createDuplicateFailsWithConflictAndIsNotRetried() {
		enqueueJson(409, "{\"error\":\"ApiError\",\"message\":\"Contact already exists\",\"status\":409}");
		enqueueJson(201, CONTACT);
		StepVerifier.create(this.blooio.contacts().create("+15551234567", null)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(BlooioConflictException.class);
			BlooioConflictException conflict = (BlooioConflictException) ex;
			assertThat(conflict.getStatusCode()).isEqualTo(409);
			assertThat(conflict.isTransient()).isFalse();
			assertThat(conflict.getExistingContactId()).isNull();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createDuplicateAnsweredWithExistingContactExposesIt() {
		enqueueJson(409, CONTACT);
		StepVerifier.create(this.blooio.contacts().create("+15551234567", null)).expectErrorSatisfies((ex) -> {
			BlooioConflictException conflict = (BlooioConflictException) ex;
			assertThat(conflict.getStatusCode()).isEqualTo(409);
			assertThat(conflict.getExistingContactId()).isEqualTo("ct_123");
			assertThat(conflict.getExistingIdentifier()).isEqualTo("+15551234567");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createWithBlankIdentifierFailsAndSendsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.contacts().create("  ", "Jane"))
			.withMessageContaining("identifier");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void getEncodesPhoneContactId() throws Exception {
		enqueueJson(200, CONTACT);
		StepVerifier.create(this.blooio.contacts().get("+15551234567"))
			.assertNext((contact) -> assertThat(contact.name()).isEqualTo("Jane"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567");
	}

	@Test
	void getEncodesEmailContactId() throws Exception {
		enqueueJson(200, "{\"identifier\":\"jane@example.com\",\"tags\":[]}");
		StepVerifier.create(this.blooio.contacts().get("jane@example.com"))
			.assertNext((contact) -> assertThat(contact.identifier()).isEqualTo("jane@example.com"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/contacts/jane%40example.com");
	}

	@Test
	void updateNamePatchesName() throws Exception {
		enqueueJson(200, CONTACT);
		StepVerifier.create(this.blooio.contacts().updateName("+15551234567", "Jane \"JD\" Doe"))
			.assertNext((contact) -> assertThat(contact.contactId()).isEqualTo("ct_123"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567");
		assertThat(bodyOf(request)).isEqualTo("{\"name\":\"Jane \\\"JD\\\" Doe\"}");
	}

	@Test
	void updateNameWithNullSendsExplicitNull() throws Exception {
		enqueueJson(200, "{\"contact_id\":\"ct_123\",\"name\":null}");
		StepVerifier.create(this.blooio.contacts().updateName("+15551234567", null))
			.assertNext((contact) -> assertThat(contact.name()).isNull())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(bodyOf(takeRequest())).isEqualTo("{\"name\":null}");
	}

	@Test
	void updateNameIsNotRetriedAfterServerError() {
		enqueueJson(500, "{\"error\":\"ApiError\",\"status\":500}");
		enqueueJson(200, CONTACT);
		StepVerifier.create(this.blooio.contacts().updateName("+15551234567", "Jane"))
			.expectError(BlooioApiException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void deleteReadsDeleteResult() throws Exception {
		enqueueJson(200, "{\"success\":true,\"deleted_at\":1735325000000}");
		StepVerifier.create(this.blooio.contacts().delete("jane@example.com")).assertNext((result) -> {
			assertThat(result.success()).isTrue();
			assertThat(result.deletedAt()).isEqualTo(Instant.ofEpochMilli(1735325000000L));
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/jane%40example.com");
	}

	@Test
	void deleteIsRetriedAfterServerError() {
		enqueueJson(502, "{\"error\":\"ApiError\",\"status\":502}");
		enqueueJson(200, "{\"success\":true,\"deleted_at\":\"2024-12-27T18:40:00Z\"}");
		StepVerifier.create(this.blooio.contacts().delete("+15551234567"))
			.assertNext((result) -> assertThat(result.deletedAt()).isEqualTo(Instant.parse("2024-12-27T18:40:00Z")))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void tagsReadsTagList() throws Exception {
		enqueueJson(200, "{\"tags\":[{\"tag\":\"vip\",\"created_at\":1735324900000},"
				+ "{\"tag\":\"beta\",\"created_at\":\"2024-12-27T18:40:00Z\"}]}");
		StepVerifier.create(this.blooio.contacts().tags("+15551234567"))
			.assertNext((tags) -> assertThat(tags).containsExactly(
					new ContactTag("vip", Instant.ofEpochMilli(1735324900000L)),
					new ContactTag("beta", Instant.parse("2024-12-27T18:40:00Z"))))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567/tags");
	}

	@Test
	void addTagsPostsTagsAndReadsResult() throws Exception {
		enqueueJson(201, "{\"success\":true,\"tags_added\":[\"vip\",\"beta\"]}");
		StepVerifier.create(this.blooio.contacts().addTags("+15551234567", List.of("vip", "beta")))
			.assertNext((added) -> {
				assertThat(added.success()).isTrue();
				assertThat(added.tagsAdded()).containsExactly("vip", "beta");
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567/tags");
		assertThat(bodyOf(request)).isEqualTo("{\"tags\":[\"vip\",\"beta\"]}");
	}

	@Test
	void addTagsWithEmptyListFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.contacts().addTags("+15551234567", List.of()));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void addTagsWithBlankOrNullTagFailsAndSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.blooio.contacts().addTags("+15551234567", List.of("vip", " ")));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.blooio.contacts().addTags("+15551234567", new ArrayList<>(Arrays.asList("vip", null))));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void removeTagEncodesTagInPath() throws Exception {
		enqueueJson(200, "{\"success\":true,\"deleted_at\":1735325000000}");
		StepVerifier.create(this.blooio.contacts().removeTag("+15551234567", "vip customer/2"))
			.assertNext((result) -> assertThat(result.success()).isTrue())
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v2/api/contacts/%2B15551234567/tags/vip%20customer%2F2");
	}

	@Test
	void removeBlankTagFailsAndSendsNothing() {
		StepVerifier.create(this.blooio.contacts().removeTag("+15551234567", " "))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void removeTagNamedDotDotFailsAndSendsNothing() {
		// sent as it is, DELETE /contacts/c_1/tags/.. would delete the contact itself
		StepVerifier.create(this.blooio.contacts().removeTag("c_1", ".."))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("tag must not be '..'"))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void deleteContactWhoseIdIsADotSegmentAfterTrimmingFailsAndSendsNothing() {
		StepVerifier.create(this.blooio.contacts().delete(" .. "))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("must not be '..'"))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void contactIdOfASingleDotFailsAndSendsNothing() {
		StepVerifier.create(this.blooio.contacts().get("."))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("must not be '.'"))
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void idThatStartsWithDotsButIsNotADotSegmentIsSent() throws Exception {
		enqueueJson(200, "{\"success\":true,\"deleted_at\":1735325000000}");
		StepVerifier.create(this.blooio.contacts().removeTag("c_1", "..vip")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v2/api/contacts/c_1/tags/..vip");
	}

	@Test
	void comingSoonFailsWithNotYetAvailable() {
		enqueueJson(501, "{\"error\":\"Coming soon\",\"message\":\"This endpoint is not available yet\"}");
		StepVerifier.create(this.blooio.contacts().get("+15551234567")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(BlooioNotYetAvailableException.class);
			assertThat(((BlooioApiException) ex).getStatusCode()).isEqualTo(501);
			assertThat(((BlooioApiException) ex).isTransient()).isFalse();
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

}
