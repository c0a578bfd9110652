package com.blooio.spring.client;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.contact.ContactCardSharing;
import com.blooio.spring.model.contact.ContactCardUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the contact-card and call-forwarding operations of {@link AccountOperations}.
 */
class AccountExtrasTests extends BlooioServerTestSupport {

	private static final String NUMBER = "+15559998888";

	@Test
	void contactCardEncodesNumberAndReadsCardWithSharing() throws Exception {
		enqueueJson(200, """
				{"phone_number": "+15559998888", "first_name": "Ada", "last_name": "Lovelace", "name": "Ada Lovelace",
				 "avatar": "/9j/4AAQSkZJRg==", "has_wallpaper": false,
				 "sharing": {"enabled": true, "audience": 0, "name_format": 1}}
				""");
		StepVerifier.create(this.blooio.account().contactCard(NUMBER)).assertNext((card) -> {
			assertThat(card.phoneNumber()).isEqualTo(NUMBER);
			assertThat(card.firstName()).isEqualTo("Ada");
			assertThat(card.lastName()).isEqualTo("Lovelace");
			assertThat(card.name()).isEqualTo("Ada Lovelace");
			assertThat(card.avatar()).isEqualTo("/9j/4AAQSkZJRg==");
			assertThat(card.hasWallpaper()).isFalse();
			assertThat(card.sharing()).isEqualTo(new ContactCardSharing(true, ContactCardSharing.AUDIENCE_CONTACTS_ONLY,
					ContactCardSharing.NAME_FORMAT_FIRST_ONLY));
			assertThat(card.toString()).doesNotContain("/9j/4AAQSkZJRg==");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me/numbers/%2B15559998888/contact-card");
	}

	@Test
	void contactCardToleratesNullsAndMissingSharing() {
		enqueueJson(200, "{\"phone_number\":\"+15559998888\",\"first_name\":null,\"avatar\":null}");
		StepVerifier.create(this.blooio.account().contactCard(NUMBER)).assertNext((card) -> {
			assertThat(card.firstName()).isNull();
			assertThat(card.avatar()).isNull();
			assertThat(card.hasWallpaper()).isNull();
			assertThat(card.sharing()).isNull();
		}).expectComplete().verify(VERIFY_TIMEOUT);
	}

	@Test
	void updateContactCardPutsOnlyTheGivenFields() throws Exception {
		enqueueJson(200, "{\"success\":true,\"phone_number\":\"+15559998888\",\"first_name\":\"Ada\","
				+ "\"last_name\":\"Lovelace\"}");
		ContactCardUpdate update = ContactCardUpdate.empty()
			.firstName("Ada")
			.sharing(new ContactCardSharing(true, ContactCardSharing.AUDIENCE_ALWAYS_ASK, null));
		StepVerifier.create(this.blooio.account().updateContactCard(NUMBER, update)).assertNext((updated) -> {
			assertThat(updated.success()).isTrue();
			assertThat(updated.phoneNumber()).isEqualTo(NUMBER);
			assertThat(updated.firstName()).isEqualTo("Ada");
			assertThat(updated.lastName()).isEqualTo("Lovelace");
		}).expectComplete().verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("PUT");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me/numbers/%2B15559998888/contact-card");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(bodyOf(request)).isEqualTo("{\"first_name\":\"Ada\",\"sharing\":{\"enabled\":true,\"audience\":1}}");
	}

	@Test
	void contactCardForbiddenNumberIsAnApiException() {
		enqueueJson(403, "{\"error\":\"ApiError\",\"message\":\"Number not accessible\",\"status\":403}");
		StepVerifier.create(this.blooio.account().contactCard(NUMBER)).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(BlooioApiException.class);
			assertThat(((BlooioApiException) error).getStatusCode()).isEqualTo(403);
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void requestCallForwardingPostsForwardToAndReadsTicket() throws Exception {
		enqueueJson(201, """
				{"success": true, "ticket_id": "tkt_123", "status": "pending", "number": "+15559998888",
				 "forward_to": "+15551234567"}
				""");
		StepVerifier.create(this.blooio.account().requestCallForwarding(NUMBER, "+15551234567"))
			.assertNext((ticket) -> {
				assertThat(ticket.success()).isTrue();
				assertThat(ticket.ticketId()).isEqualTo("tkt_123");
				assertThat(ticket.status()).isEqualTo("pending");
				assertThat(ticket.number()).isEqualTo(NUMBER);
				assertThat(ticket.forwardTo()).isEqualTo("+15551234567");
			})
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		RecordedRequest request = takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v2/api/me/numbers/%2B15559998888/call-forwarding");
		assertThat(bodyOf(request)).isEqualTo("{\"forward_to\":\"+15551234567\"}");
	}

	@Test
	void requestCallForwardingRejectsBlankTargetBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.blooio.account().requestCallForwarding(NUMBER, " "));
		assertThat(this.server.getRequestCount()).isZero();
	}

}
