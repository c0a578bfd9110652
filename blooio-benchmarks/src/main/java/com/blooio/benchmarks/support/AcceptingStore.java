package com.blooio.benchmarks.support;

import java.time.Duration;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * A de-duplication store that claims everything and remembers nothing: keeps
 * de-duplication out of a measurement.
 */
public final class AcceptingStore implements WebhookDeduplicationStore {

	private static final Claim CLAIMED = Claim.claimed("benchmark");

	@Override
	public Claim claim(String key, Duration lease) {
		return CLAIMED;
	}

	@Override
	public boolean complete(String key, String owner) {
		return true;
	}

	@Override
	public boolean release(String key, String owner) {
		return true;
	}

}
