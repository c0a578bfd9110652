package com.example.bot;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.blooio.spring.client.BlooioOperations;
import com.blooio.spring.test.webhook.BlooioWebhookSigner;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

// A slice: the webhook endpoint and the listener, no server, no simulator
@WebFluxTest(properties = "blooio.webhook.secret=whsec_test")
@Import(AutoReply.class)
class AutoReplySliceTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	BlooioOperations blooio;

	@Test
	void repliesToASignedInboundMessage() {
		given(this.blooio.send(anyString(), anyString())).willReturn(Mono.empty());
		String json = """
				{"event": "message.received", "message_id": "msg_1", "external_id": "+15551234567",
				 "sender": "+15551234567", "text": "hi", "timestamp": 1765000000000}
				""";

		this.client.post()
			.uri("/blooio/webhook")
			.headers((headers) -> headers.addAll(BlooioWebhookSigner.headers("whsec_test", json)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk();

		then(this.blooio).should().send("+15551234567", "You said: hi");
	}

}
