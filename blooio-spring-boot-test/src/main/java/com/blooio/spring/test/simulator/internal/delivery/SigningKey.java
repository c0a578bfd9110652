package com.blooio.spring.test.simulator.internal.delivery;

import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * A subscription's signing secret and the signer made from it, replaced as a whole by a
 * rotation so that a delivery never signs with a secret it did not read. The secret is
 * masked in {@link #toString()}.
 * <p>
 * Not API: public only for the simulator's internal packages.
 *
 * @param secret the signing secret
 * @param signer signs with that secret
 */
public record SigningKey(String secret, WebhookSigner signer) {

	/**
	 * Creates the key of a secret.
	 * @param secret the signing secret
	 */
	public SigningKey(String secret) {
		this(secret, new WebhookSigner(secret));
	}

	@Override
	public String toString() {
		return "SigningKey[secret=<masked>]";
	}

}
