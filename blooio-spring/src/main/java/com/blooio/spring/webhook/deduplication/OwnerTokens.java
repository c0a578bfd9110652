package com.blooio.spring.webhook.deduplication;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owner tokens for the claims of one store instance: a random prefix drawn once and a
 * counter. Unique across instances and restarts, and far cheaper per claim than a random
 * UUID, whose {@link SecureRandom} draws go through one lock for the whole JVM.
 */
final class OwnerTokens {

	private final String prefix;

	private final AtomicLong counter = new AtomicLong();

	OwnerTokens() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		this.prefix = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-";
	}

	/**
	 * Returns a token no other claim of any store has.
	 * @return the token
	 */
	String next() {
		return this.prefix + Long.toString(this.counter.incrementAndGet(), Character.MAX_RADIX);
	}

}
