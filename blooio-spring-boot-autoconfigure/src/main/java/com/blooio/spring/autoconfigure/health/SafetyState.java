package com.blooio.spring.autoconfigure.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;

import com.blooio.spring.webhook.event.BlooioEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyNumberBannedEvent;
import com.blooio.spring.webhook.event.safety.BlooioSafetyStateChangedEvent;
import com.blooio.spring.webhook.event.safety.SafetyAction;

/**
 * What Blooio's safety events ({@code safety.state_changed},
 * {@code safety.number_banned}) said about each sending number, as this application
 * received them, and how that changes the {@code blooio} health: each number's safety
 * shows in the details, banned numbers are marked, and when every active number is banned
 * the health is {@code OUT_OF_SERVICE}, since nothing can be sent.
 */
final class SafetyState implements ApplicationListener<BlooioEvent> {

	/** Key of a state change that names no number: the account as a whole. */
	static final String ACCOUNT = "account";

	private final Map<String, NumberSafety> numbers = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(BlooioEvent event) {
		if (event instanceof BlooioSafetyStateChangedEvent changed) {
			this.numbers.compute(key(changed.getPhoneNumber()),
					(number, known) -> ((known != null) ? known : NumberSafety.NONE).changed(changed));
		}
		else if (event instanceof BlooioSafetyNumberBannedEvent banned) {
			this.numbers.compute(key(banned.getPhoneNumber()),
					(number, known) -> ((known != null) ? known : NumberSafety.NONE).banned(banned));
		}
	}

	/**
	 * Adds what is known about the numbers' safety to a health result.
	 */
	Health applyTo(Health health) {
		if (this.numbers.isEmpty()) {
			return health;
		}
		Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
		Status status = health.getStatus();
		Object numbers = details.get("numbers");
		if (numbers instanceof List<?> list && !list.isEmpty()) {
			List<Object> marked = new ArrayList<>();
			boolean anyActiveUsable = false;
			for (Object item : list) {
				Map<?, ?> number = (Map<?, ?>) item;
				boolean banned = isBanned(number.get("number"));
				anyActiveUsable |= Boolean.TRUE.equals(number.get("active")) && !banned;
				marked.add(banned ? withBanned(number) : number);
			}
			details.put("numbers", marked);
			if (Status.UP.equals(status) && !anyActiveUsable) {
				status = Status.OUT_OF_SERVICE;
				details.put("reason", "Every active sender number is banned (safety.number_banned)");
			}
		}
		details.put("safety", describe());
		return Health.status(status).withDetails(details).build();
	}

	private boolean isBanned(@Nullable Object number) {
		NumberSafety safety = (number != null) ? this.numbers.get(number.toString()) : null;
		return safety != null && safety.banned;
	}

	private static Map<Object, Object> withBanned(Map<?, ?> number) {
		Map<Object, Object> marked = new LinkedHashMap<>(number);
		marked.put("banned", true);
		return marked;
	}

	private Map<String, Object> describe() {
		Map<String, Object> described = new TreeMap<>();
		this.numbers.forEach((number, safety) -> described.put(number, safety.describe()));
		return described;
	}

	private static String key(@Nullable String phoneNumber) {
		return (phoneNumber != null) ? phoneNumber : ACCOUNT;
	}

	/**
	 * One number's latest safety state; a change older than the one known is ignored, as
	 * Blooio may deliver events out of order.
	 */
	private record NumberSafety(@Nullable SafetyAction action, @Nullable String tier, List<String> reasons,
			@Nullable Instant changedAt, boolean banned, @Nullable Instant bannedAt, @Nullable String allocationType) {

		static final NumberSafety NONE = new NumberSafety(null, null, List.of(), null, false, null, null);

		NumberSafety changed(BlooioSafetyStateChangedEvent event) {
			Instant at = event.getDelivery().createdAt();
			if (this.changedAt != null && at != null && at.isBefore(this.changedAt)) {
				return this;
			}
			return new NumberSafety(event.getAction(), event.getTier(), event.getReasons(), at, this.banned,
					this.bannedAt, this.allocationType);
		}

		NumberSafety banned(BlooioSafetyNumberBannedEvent event) {
			Instant at = (event.getBannedAt() != null) ? event.getBannedAt() : event.getDelivery().createdAt();
			return new NumberSafety(this.action, this.tier, this.reasons, this.changedAt, true, at,
					event.getAllocationType());
		}

		Map<String, Object> describe() {
			Map<String, Object> details = new LinkedHashMap<>();
			if (this.action != null) {
				details.put("action", this.action.value());
				details.put("pausesSending", this.action.pausesSending());
			}
			putIfKnown(details, "tier", this.tier);
			if (!this.reasons.isEmpty()) {
				details.put("reasons", this.reasons);
			}
			putIfKnown(details, "changedAt", this.changedAt);
			if (this.banned) {
				details.put("banned", true);
				putIfKnown(details, "bannedAt", this.bannedAt);
				putIfKnown(details, "allocationType", this.allocationType);
			}
			return details;
		}

		private static void putIfKnown(Map<String, Object> details, String name, @Nullable Object value) {
			if (value != null) {
				details.put(name, value.toString());
			}
		}

	}

}
