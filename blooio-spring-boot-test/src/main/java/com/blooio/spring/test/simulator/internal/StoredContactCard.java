package com.blooio.spring.test.simulator.internal;

import org.jspecify.annotations.Nullable;

/**
 * The account number's own contact card (Name &amp; Photo). Guarded by
 * {@link SimulatorState}'s lock.
 */
final class StoredContactCard {

	@Nullable String firstName;

	@Nullable String lastName;

	@Nullable String avatar;

	boolean sharingEnabled;

	int audience;

	int nameFormat;

	@Nullable String name() {
		if (this.firstName == null && this.lastName == null) {
			return null;
		}
		return ((this.firstName != null) ? this.firstName : "")
				+ ((this.firstName != null && this.lastName != null) ? " " : "")
				+ ((this.lastName != null) ? this.lastName : "");
	}

}
