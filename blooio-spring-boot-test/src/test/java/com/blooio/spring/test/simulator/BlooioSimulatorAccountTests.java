package com.blooio.spring.test.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.model.account.CallForwardingTicket;
import com.blooio.spring.model.account.FaceTimeCall;
import com.blooio.spring.model.account.PhoneNumberLookupResult;
import com.blooio.spring.model.contact.ContactCard;
import com.blooio.spring.model.contact.ContactCardSharing;
import com.blooio.spring.model.contact.ContactCardUpdate;
import com.blooio.spring.model.contact.ContactCardUpdated;
import com.blooio.spring.model.contact.ContactLocation;
import com.blooio.spring.model.contact.LocationRefresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the account's own number (contact card, call forwarding), FindMy locations,
 * FaceTime and phone number lookups.
 */
class BlooioSimulatorAccountTests extends SimulatorTestSupport {

	@Test
	void contactCardUpdateIsReadBack() {
		ContactCardUpdated updated = this.blooio.account()
			.updateContactCard(BlooioSimulator.NUMBER,
					ContactCardUpdate.empty()
						.firstName("Ada")
						.lastName("Lovelace")
						.sharing(new ContactCardSharing(true, ContactCardSharing.AUDIENCE_ALWAYS_ASK,
								ContactCardSharing.NAME_FORMAT_FIRST_ONLY)))
			.block(TIMEOUT);
		assertThat(updated.success()).isTrue();
		ContactCard card = this.blooio.account().contactCard(BlooioSimulator.NUMBER).block(TIMEOUT);
		assertThat(card.phoneNumber()).isEqualTo(BlooioSimulator.NUMBER);
		assertThat(card.name()).isEqualTo("Ada Lovelace");
		assertThat(card.sharing().enabled()).isTrue();
		assertThat(card.sharing().audience()).isEqualTo(ContactCardSharing.AUDIENCE_ALWAYS_ASK);
		assertThat(card.sharing().nameFormat()).isEqualTo(ContactCardSharing.NAME_FORMAT_FIRST_ONLY);
	}

	@Test
	void contactCardOfAnotherNumberIsForbidden() {
		assertThatExceptionOfType(BlooioApiException.class)
			.isThrownBy(() -> this.blooio.account().contactCard("+15551234567").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403));
	}

	@Test
	void callForwardingOpensATicket() {
		CallForwardingTicket ticket = this.blooio.account()
			.requestCallForwarding(BlooioSimulator.NUMBER, "(555) 987-6543")
			.block(TIMEOUT);
		assertThat(ticket.ticketId()).startsWith("tkt_");
		assertThat(ticket.status()).isEqualTo("open");
		assertThat(ticket.number()).isEqualTo(BlooioSimulator.NUMBER);
		assertThat(ticket.forwardTo()).isEqualTo("+15559876543");
	}

	@Test
	void sharedLocationsAreListedAndReadOneByOne() {
		this.sim.contact("+15551234567").sharesLocation(40.7128, -74.006);
		this.sim.contact("alex@example.com").sharesLocation(37.7749, -122.4194);
		List<ContactLocation> locations = this.blooio.location().contacts().block(TIMEOUT);
		assertThat(locations).extracting(ContactLocation::handle).containsExactly("+15551234567", "alex@example.com");
		ContactLocation one = this.blooio.location().contact("+15551234567").block(TIMEOUT);
		assertThat(one.coordinates().latitude()).isEqualTo(40.7128);
		assertThat(one.coordinates().longitude()).isEqualTo(-74.006);
		assertThat(one.lastUpdated()).isNotNull();
	}

	@Test
	void refreshAnswersEveryLocationFreshlyStamped() {
		this.sim.contact("+15551234567").sharesLocation(40.7128, -74.006);
		ContactLocation before = this.blooio.location().contact("+15551234567").block(TIMEOUT);
		LocationRefresh refresh = this.blooio.location().refresh().block(TIMEOUT);
		assertThat(refresh.success()).isTrue();
		assertThat(refresh.friends()).singleElement()
			.satisfies((location) -> assertThat(location.lastUpdated()).isAfterOrEqualTo(before.lastUpdated()));
	}

	@Test
	void locationOfAContactWhoSharedNoneIsNotFound() {
		assertThatExceptionOfType(BlooioApiException.class)
			.isThrownBy(() -> this.blooio.location().contact("+15551234567").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void faceTimeCallAnswersAJoinLink() {
		FaceTimeCall call = this.blooio.facetime().call("+15551234567").block(TIMEOUT);
		assertThat(call.success()).isTrue();
		assertThat(call.link()).startsWith("https://facetime.apple.com/join#");
		assertThat(call.handle()).isEqualTo("+15551234567");
	}

	@Test
	void lookupFormatsANorthAmericanNumber() {
		PhoneNumberLookupResult result = this.blooio.phoneNumbers().lookup("(212) 555-1234").block(TIMEOUT);
		assertThat(result.valid()).isTrue();
		assertThat(result.e164()).isEqualTo("+12125551234");
		assertThat(result.national()).isEqualTo("(212) 555-1234");
		assertThat(result.countryCallingCode()).isEqualTo("1");
		assertThat(result.areaCode()).isEqualTo("212");
		assertThat(result.location().city()).isEqualTo("New York");
	}

	@Test
	void lookupByPostAnswersLikeLookupByQuery() {
		assertThat(this.blooio.phoneNumbers().lookupByPost("+14155551234").block(TIMEOUT))
			.isEqualTo(this.blooio.phoneNumbers().lookup("+14155551234").block(TIMEOUT));
	}

	@Test
	void batchLookupAnswersOneResultPerNumberInOrder() {
		List<PhoneNumberLookupResult> results = this.blooio.phoneNumbers()
			.batchLookup(List.of("+12125551234", "12"))
			.block(TIMEOUT);
		assertThat(results).extracting(PhoneNumberLookupResult::input).containsExactly("+12125551234", "12");
		assertThat(results).extracting(PhoneNumberLookupResult::valid).containsExactly(true, false);
	}

}
