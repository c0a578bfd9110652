package com.blooio.spring.test.simulator;

import java.util.List;

import org.springframework.util.Assert;

import com.blooio.spring.test.simulator.internal.SimulatorEngine;

/**
 * Blooio's messaging safety, played on demand: each call records a v4 safety event in the
 * event feed ({@code GET /v4/events}) and delivers it to the v4 subscriptions whose
 * {@code event_types} cover it. <pre class="code">
 * sim.safety().stateChanged("2", "1", "slow", "none", "high_volume");
 * sim.safety().numberBanned("+15550001111");
 * </pre>
 *
 * @since 0.1.0
 * @see BlooioSimulator#safety()
 */
public final class SimulatedSafety {

	private final SimulatorEngine engine;

	SimulatedSafety(SimulatorEngine engine) {
		this.engine = engine;
	}

	/**
	 * Changes the warm-up tier or safety action of the account's number
	 * ({@link BlooioSimulator#NUMBER}): {@code safety.state_changed} with {@code tier},
	 * {@code previous_tier}, {@code action}, {@code previous_action}, {@code reasons} and
	 * {@code phone_number}.
	 * @param tier the tier now
	 * @param previousTier the tier before
	 * @param action the action now: {@code none}, {@code queue}, {@code slow},
	 * {@code pause_new}, {@code reply_only} or {@code review}
	 * @param previousAction the action before, one of the same
	 * @param reasons why, in Blooio's words
	 * @return the event id, {@code evt_...}
	 * @throws IllegalArgumentException if an action is not one of these
	 */
	public String stateChanged(String tier, String previousTier, String action, String previousAction,
			String... reasons) {
		Assert.noNullElements(reasons, "reasons must not be null");
		return this.engine.safetyStateChanged(tier, previousTier, action, previousAction, List.of(reasons));
	}

	/**
	 * Bans a dedicated sending number: {@code safety.number_banned} with
	 * {@code channel_id}, {@code phone_number}, {@code allocation_type} and
	 * {@code banned_at}.
	 * @param phoneNumber the number, E.164
	 * @return the event id, {@code evt_...}
	 */
	public String numberBanned(String phoneNumber) {
		return numberBanned(phoneNumber, false);
	}

	/**
	 * Bans a sending number, dedicated to the account or shared.
	 * @param phoneNumber the number, E.164
	 * @param shared whether the number is shared ({@code allocation_type} {@code shared})
	 * rather than dedicated
	 * @return the event id, {@code evt_...}
	 */
	public String numberBanned(String phoneNumber, boolean shared) {
		return this.engine.numberBanned(phoneNumber, shared ? "shared" : "dedicated");
	}

}
