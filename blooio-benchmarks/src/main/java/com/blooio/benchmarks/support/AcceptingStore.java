package com.blooio.benchmarks.support;

import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * A de-duplication store that claims everything and remembers nothing: keeps
 * de-duplication out of a measurement.
 */
public final class AcceptingStore implements WebhookDeduplicationStore {

	@Override
	public Claim claim(String key) {
		return Claim.CLAIMED;
	}

	@Override
	public void complete(String key) {
	}

	@Override
	public void release(String key) {
	}

}
