package com.blooio.spring.delivery;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a {@link BlooioDeliveryTracker} waits: its default timeout, how often it asks
 * Blooio for a message's status, and how many recent final statuses it remembers for
 * {@code track} calls that come after the status webhook.
 *
 * @param timeout how long {@code track} waits for a final status unless told otherwise
 * @param pollInterval wait before the second status check (the first is made at once,
 * unless status webhooks reach the tracker); each later wait doubles, up to
 * {@code maxPollInterval}
 * @param maxPollInterval longest wait between two status checks
 * @param rememberedStatuses how many final statuses reported by webhooks are remembered
 * for messages nobody tracks yet; the oldest are forgotten first
 * @param rememberFor how long such a status is remembered
 * @param statusWebhooks whether status webhooks reach the tracker (through
 * {@link BlooioDeliveryTracker#onMessageEvent}); then polling is only a safety net: the
 * first status check waits {@code pollInterval} instead of being made at once
 * @since 0.1.0
 */
public record DeliveryTrackingSettings(Duration timeout, Duration pollInterval, Duration maxPollInterval,
		int rememberedStatuses, Duration rememberFor, boolean statusWebhooks) {

	/** Default timeout: 2 minutes. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

	/** Default first poll interval: 2 seconds. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

	/** Default longest poll interval: 15 seconds. */
	public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(15);

	/**
	 * Checks the values.
	 * @param timeout default timeout
	 * @param pollInterval first poll interval
	 * @param maxPollInterval longest poll interval
	 * @param rememberedStatuses number of remembered statuses
	 * @param rememberFor how long a status is remembered
	 * @param statusWebhooks whether status webhooks reach the tracker
	 */
	public DeliveryTrackingSettings {
		requirePositive(timeout, "timeout");
		requirePositive(pollInterval, "pollInterval");
		requirePositive(maxPollInterval, "maxPollInterval");
		Assert.isTrue(maxPollInterval.compareTo(pollInterval) >= 0,
				"maxPollInterval must not be less than pollInterval");
		Assert.isTrue(rememberedStatuses >= 0, "rememberedStatuses must not be negative");
		requirePositive(rememberFor, "rememberFor");
	}

	/**
	 * Returns the defaults: 2 minutes timeout, polls after 2 s then doubling up to 15 s,
	 * 10,000 statuses remembered for 10 minutes, no status webhooks.
	 * @return the defaults
	 */
	public static DeliveryTrackingSettings defaults() {
		return new DeliveryTrackingSettings(DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_POLL_INTERVAL, 10_000,
				Duration.ofMinutes(10), false);
	}

	/**
	 * Returns a copy with another default timeout.
	 * @param timeout how long {@code track} waits unless told otherwise
	 * @return the copy
	 */
	public DeliveryTrackingSettings withTimeout(Duration timeout) {
		return new DeliveryTrackingSettings(timeout, this.pollInterval, this.maxPollInterval, this.rememberedStatuses,
				this.rememberFor, this.statusWebhooks);
	}

	/**
	 * Returns a copy with another polling schedule. Pass the same value twice for a fixed
	 * interval.
	 * @param pollInterval wait before the second status check
	 * @param maxPollInterval longest wait between two status checks
	 * @return the copy
	 */
	public DeliveryTrackingSettings withPolling(Duration pollInterval, Duration maxPollInterval) {
		return new DeliveryTrackingSettings(this.timeout, pollInterval, maxPollInterval, this.rememberedStatuses,
				this.rememberFor, this.statusWebhooks);
	}

	/**
	 * Returns a copy remembering other numbers of recent final statuses.
	 * @param rememberedStatuses how many statuses are remembered
	 * @param rememberFor how long each is remembered
	 * @return the copy
	 */
	public DeliveryTrackingSettings withRememberedStatuses(int rememberedStatuses, Duration rememberFor) {
		return new DeliveryTrackingSettings(this.timeout, this.pollInterval, this.maxPollInterval, rememberedStatuses,
				rememberFor, this.statusWebhooks);
	}

	/**
	 * Returns a copy for a tracker that status webhooks reach, or not. With webhooks,
	 * give it a long poll interval: polling is then only the safety net for lost webhooks
	 * and for webhooks that reached another instance.
	 * @param statusWebhooks whether status webhooks reach the tracker
	 * @return the copy
	 */
	public DeliveryTrackingSettings withStatusWebhooks(boolean statusWebhooks) {
		return new DeliveryTrackingSettings(this.timeout, this.pollInterval, this.maxPollInterval,
				this.rememberedStatuses, this.rememberFor, statusWebhooks);
	}

	/**
	 * Returns the wait before the next status check.
	 * @param checksMade status checks made so far
	 * @return the wait
	 */
	Duration pollDelay(long checksMade) {
		if (checksMade == 0) {
			return this.statusWebhooks ? this.pollInterval : Duration.ZERO;
		}
		long factor = 1L << Math.min(checksMade - 1, 30);
		Duration delay = this.pollInterval.multipliedBy(factor);
		return (delay.compareTo(this.maxPollInterval) > 0) ? this.maxPollInterval : delay;
	}

	private static void requirePositive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(), name + " must be positive");
	}

}
