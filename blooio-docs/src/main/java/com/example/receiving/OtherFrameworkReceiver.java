package com.example.receiving;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.MalformedWebhookException;
import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent;
import com.blooio.spring.webhook.signature.WebhookSignatureException;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * A webhook received by something other than the starter's endpoint (another web
 * framework, a queue, a serverless function): verify it, then act on the typed event.
 */
public class OtherFrameworkReceiver {

	private static final Logger log = LoggerFactory.getLogger(OtherFrameworkReceiver.class);

	private final String secret;

	public OtherFrameworkReceiver(String secret) {
		this.secret = secret;
	}

	/** Answers the HTTP status to give Blooio. */
	public int receive(byte[] rawBody, Function<String, String> headers) {
		try {
			BlooioEvent event = BlooioWebhook.constructEvent(rawBody, headers.apply(WebhookSigner.SIGNATURE_HEADER),
					this.secret);
			if (event instanceof BlooioMessageReceivedEvent received) {
				log.info("Message {} received", received.getMessageId());
			}
			return 200;
		}
		catch (WebhookSignatureException ex) {
			return 401; // missing, forged or stale signature
		}
		catch (MalformedWebhookException ex) {
			return 400;
		}
	}

}
