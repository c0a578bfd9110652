package com.blooio.spring.test.simulator.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random ids and secrets in Blooio's formats.
 * <p>
 * Not API: public only for the simulator's {@code v4} package.
 */
public final class Ids {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** A nanoid-like message id, e.g. {@code gK2IgXGR2M6UkSgmT9FKq}. */
	static String messageId() {
		StringBuilder id = new StringBuilder(21);
		for (int i = 0; i < 21; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	/**
	 * Returns random bytes in hex.
	 * @param bytes how many bytes
	 * @return the hex string
	 */
	public static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	static String apiKey() {
		return "bl_sim_" + hex(16);
	}

	/**
	 * Returns a new signing secret.
	 * @return {@code whsec_<hex>}
	 */
	public static String webhookSecret() {
		return "whsec_" + hex(20);
	}

	static String contactId(String identifier) {
		return "ct_" + Integer.toHexString(identifier.hashCode());
	}

	static String groupId() {
		StringBuilder id = new StringBuilder("grp_");
		for (int i = 0; i < 12; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	static String pollId() {
		return "poll_" + hex(8);
	}

	/**
	 * Returns a new event id.
	 * @return {@code evt_<hex>}
	 */
	public static String eventId() {
		return "evt_" + hex(10);
	}

	static String webhookId() {
		return "wh_" + hex(8);
	}

}
