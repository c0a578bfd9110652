package com.blooio.spring.test.simulator;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.blooio.spring.model.contact.ContactTag;
import com.blooio.spring.model.contact.TagsAdded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the simulator's contacts.
 */
class BlooioSimulatorContactsTests extends SimulatorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void createContactAnswers201WithTheContact() throws Exception {
		HttpResponse<String> response = call("POST", "/contacts",
				"{\"identifier\":\"+15551234567\",\"name\":\"Alex\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode contact = JSON.readTree(response.body());
		assertThat(contact.path("id").asString()).isEqualTo("+15551234567");
		assertThat(contact.path("contact_id").asString()).startsWith("ct_");
		assertThat(contact.path("identifier").asString()).isEqualTo("+15551234567");
		assertThat(contact.path("name").asString()).isEqualTo("Alex");
		assertThat(contact.path("type").asString()).isEqualTo("phone");
		assertThat(contact.path("created_at").isNumber()).isTrue();
		assertThat(contact.path("tags").isArray()).isTrue();
		assertThat(this.sim.contacts()).singleElement().satisfies((entry) -> {
			assertThat(entry.identifier()).isEqualTo("+15551234567");
			assertThat(entry.name()).isEqualTo("Alex");
			assertThat(entry.contactId()).isEqualTo(contact.path("contact_id").asString());
		});
	}

	@Test
	void duplicateContactIsAConflict() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"alex@example.com\"}");
		HttpResponse<String> response = call("POST", "/contacts", "{\"identifier\":\"alex@example.com\"}");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("\"error\":\"ApiError\"", "\"status\":409");
		assertThat(this.sim.contacts()).hasSize(1);
	}

	@Test
	void invalidIdentifierIsRejected() throws Exception {
		HttpResponse<String> response = call("POST", "/contacts", "{\"identifier\":\"not a phone\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.sim.contacts()).isEmpty();
	}

	@Test
	void listIsPaginatedAndFilteredByQuery() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551110000\",\"name\":\"Alex\"}");
		call("POST", "/contacts", "{\"identifier\":\"+15552220000\",\"name\":\"Sam\"}");
		call("POST", "/contacts", "{\"identifier\":\"alexis@example.com\"}");
		JsonNode page = JSON.readTree(call("GET", "/contacts?limit=1&offset=1&q=alex", null).body());
		assertThat(page.path("contacts")).hasSize(1);
		assertThat(page.path("pagination").path("limit").asInt()).isEqualTo(1);
		assertThat(page.path("pagination").path("offset").asInt()).isEqualTo(1);
		assertThat(page.path("pagination").path("total").asInt()).isEqualTo(2);
	}

	@Test
	void getFindsTheContactByItsEncodedIdentifier() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"alex@example.com\",\"name\":\"Alex\"}");
		HttpResponse<String> response = call("GET", "/contacts/alex%40example.com", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("email");
	}

	@Test
	void rawPlusInAContactIdNamesTheSameContactAsItsEncodedForm() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551234567\",\"name\":\"Alex\"}");
		HttpResponse<String> raw = call("GET", "/contacts/+15551234567", null);
		HttpResponse<String> encoded = call("GET", "/contacts/%2B15551234567", null);
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.body()).isEqualTo(encoded.body());
		assertThat(JSON.readTree(raw.body()).path("identifier").asString()).isEqualTo("+15551234567");
	}

	@Test
	void rawAtSignInAContactIdNamesTheSameContactAsItsEncodedForm() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"alice@example.com\"}");
		HttpResponse<String> response = call("PATCH", "/contacts/alice@example.com", "{\"name\":\"Alice\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(call("GET", "/contacts/alice%40example.com", null).body()).path("name").asString())
			.isEqualTo("Alice");
	}

	@Test
	void patchWithNullNameClearsTheName() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551234567\",\"name\":\"Alex\"}");
		HttpResponse<String> response = call("PATCH", "/contacts/%2B15551234567", "{\"name\":null}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("name").isNull()).isTrue();
		assertThat(this.sim.contacts()).singleElement().satisfies((entry) -> assertThat(entry.name()).isNull());
	}

	@Test
	void patchRenamesTheContact() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551234567\"}");
		HttpResponse<String> response = call("PATCH", "/contacts/%2B15551234567", "{\"name\":\"Sam\"}");
		assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("Sam");
	}

	@Test
	void deleteAnswersSuccessAndForgetsTheContact() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551234567\"}");
		HttpResponse<String> response = call("DELETE", "/contacts/%2B15551234567", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode json = JSON.readTree(response.body());
		assertThat(json.path("success").asBoolean()).isTrue();
		assertThat(json.path("deleted_at").isNumber()).isTrue();
		assertThat(call("GET", "/contacts/%2B15551234567", null).statusCode()).isEqualTo(404);
		assertThat(this.sim.contacts()).isEmpty();
	}

	@Test
	void firstOutboundMessageCreatesTheContact() {
		this.blooio.send("+15551234567", "hi").block(TIMEOUT);
		this.blooio.send("+15551234567", "again").block(TIMEOUT);
		assertThat(this.sim.contacts()).singleElement().satisfies((entry) -> {
			assertThat(entry.identifier()).isEqualTo("+15551234567");
			assertThat(entry.type()).isEqualTo("phone");
		});
	}

	@Test
	void firstInboundMessageCreatesTheContact() throws Exception {
		this.sim.contact("alex@example.com").sends("hello");
		assertThat(this.sim.contacts()).extracting(ContactEntry::identifier).containsExactly("alex@example.com");
		JsonNode contact = JSON.readTree(call("GET", "/contacts/alex%40example.com", null).body());
		assertThat(contact.path("last_message_time").isNumber()).isTrue();
	}

	@Test
	void tagsAddedToAContactAreListedAndOnTheContact() {
		this.blooio.contacts().create("+15551234567", "Alex").block(TIMEOUT);
		TagsAdded added = this.blooio.contacts().addTags("+15551234567", List.of("vip", "priority")).block(TIMEOUT);
		assertThat(added.tagsAdded()).containsExactly("vip", "priority");
		assertThat(this.blooio.contacts().tags("+15551234567").block(TIMEOUT)).extracting(ContactTag::tag)
			.containsExactly("vip", "priority");
		assertThat(this.blooio.contacts().get("+15551234567").block(TIMEOUT).tagNames()).containsExactly("vip",
				"priority");
	}

	@Test
	void removedTagIsGoneFromTheContact() {
		this.blooio.contacts().create("alex@example.com", null).block(TIMEOUT);
		this.blooio.contacts().addTags("alex@example.com", List.of("vip", "priority")).block(TIMEOUT);
		this.blooio.contacts().removeTag("alex@example.com", "vip").block(TIMEOUT);
		assertThat(this.blooio.contacts().get("alex@example.com").block(TIMEOUT).tagNames())
			.containsExactly("priority");
	}

	@Test
	void removingATagTheContactDoesNotHaveIsNotFound() throws Exception {
		call("POST", "/contacts", "{\"identifier\":\"+15551234567\"}");
		assertThat(call("DELETE", "/contacts/%2B15551234567/tags/vip", null).statusCode()).isEqualTo(404);
	}

	@Test
	void tagsOfAnUnknownContactAreNotFound() throws Exception {
		assertThat(call("GET", "/contacts/%2B15551234567/tags", null).statusCode()).isEqualTo(404);
	}

}
