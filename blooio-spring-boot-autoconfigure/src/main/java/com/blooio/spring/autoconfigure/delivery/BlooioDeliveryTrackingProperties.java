package com.blooio.spring.autoconfigure.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

import com.blooio.spring.delivery.DeliveryTrackingSettings;

/**
 * Configuration properties of delivery tracking ({@code blooio.delivery-tracking.*}).
 * <p>
 * Without the webhook endpoint, a tracked message's status is checked at once, then after
 * {@code poll-interval}, each wait doubling up to {@code max-poll-interval}. With the
 * endpoint on, status webhooks complete tracking, and the status is checked only every
 * {@code webhook-poll-interval}, as a safety net for a lost webhook or one that reached
 * another instance.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(BlooioDeliveryTrackingProperties.PREFIX)
public class BlooioDeliveryTrackingProperties {

	/** Prefix of the delivery-tracking properties. */
	public static final String PREFIX = "blooio.delivery-tracking";

	/**
	 * Longest a tracked message may take to reach a final status (delivered, read,
	 * failed, cancelled), unless the call names its own timeout.
	 */
	private Duration timeout = DeliveryTrackingSettings.DEFAULT_TIMEOUT;

	/**
	 * Wait before the second status check of a tracked message when the webhook endpoint
	 * is off (the first is made at once); each later wait doubles, up to
	 * max-poll-interval.
	 */
	private Duration pollInterval = DeliveryTrackingSettings.DEFAULT_POLL_INTERVAL;

	/**
	 * Longest wait between two status checks of a tracked message when the webhook
	 * endpoint is off.
	 */
	private Duration maxPollInterval = DeliveryTrackingSettings.DEFAULT_MAX_POLL_INTERVAL;

	/**
	 * Interval of the status checks of a tracked message when the webhook endpoint is on:
	 * a safety net for a lost webhook, or one delivered to another instance.
	 */
	private Duration webhookPollInterval = Duration.ofSeconds(30);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		requirePositive(timeout, "timeout");
		this.timeout = timeout;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		requirePositive(pollInterval, "poll-interval");
		this.pollInterval = pollInterval;
	}

	public Duration getMaxPollInterval() {
		return this.maxPollInterval;
	}

	public void setMaxPollInterval(Duration maxPollInterval) {
		requirePositive(maxPollInterval, "max-poll-interval");
		this.maxPollInterval = maxPollInterval;
	}

	public Duration getWebhookPollInterval() {
		return this.webhookPollInterval;
	}

	public void setWebhookPollInterval(Duration webhookPollInterval) {
		requirePositive(webhookPollInterval, "webhook-poll-interval");
		this.webhookPollInterval = webhookPollInterval;
	}

	/**
	 * Returns the tracker settings these properties describe.
	 * @param statusWebhooks whether the webhook endpoint is on
	 * @return the settings
	 */
	DeliveryTrackingSettings toSettings(boolean statusWebhooks) {
		DeliveryTrackingSettings settings = DeliveryTrackingSettings.defaults().withTimeout(this.timeout);
		if (statusWebhooks) {
			return settings.withPolling(this.webhookPollInterval, this.webhookPollInterval).withStatusWebhooks(true);
		}
		Assert.state(this.maxPollInterval.compareTo(this.pollInterval) >= 0, () -> PREFIX + ".max-poll-interval ("
				+ this.maxPollInterval + ") must not be less than poll-interval (" + this.pollInterval + ")");
		return settings.withPolling(this.pollInterval, this.maxPollInterval);
	}

	private static void requirePositive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(),
				() -> PREFIX + "." + name + " must be positive");
	}

	@Override
	public String toString() {
		return "BlooioDeliveryTrackingProperties{timeout=" + this.timeout + ", pollInterval=" + this.pollInterval
				+ ", maxPollInterval=" + this.maxPollInterval + ", webhookPollInterval=" + this.webhookPollInterval
				+ "}";
	}

}
