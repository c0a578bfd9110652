package com.blooio.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies for tests as Blooio does, independently of
 * {@link WebhookSignatureVerifier}: one HMAC over the concatenated bytes, hex encoded.
 */
public final class TestWebhookSigner {

	private TestWebhookSigner() {
	}

	/**
	 * Returns the {@code X-Blooio-Signature} value for a body.
	 * @param secret the signing secret, used as its UTF-8 bytes
	 * @param unixSeconds the signature timestamp
	 * @param body the raw body
	 * @return {@code t=<unixSeconds>,v1=<hex>}
	 */
	public static String signatureHeader(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds, body);
	}

	/**
	 * Returns the lower-case hex HMAC-SHA256 of {@code "<t>.<body>"}.
	 * @param secret the signing secret, used as its UTF-8 bytes
	 * @param unixSeconds the signature timestamp
	 * @param body the raw body
	 * @return the hex signature
	 */
	public static String hmacHex(String secret, long unixSeconds, byte[] body) {
		byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
