package com.blooio.spring.test.simulator.internal;

/**
 * A contact's shared FindMy location.
 *
 * @param handle the contact's phone or email
 * @param latitude the latitude
 * @param longitude the longitude
 * @param lastUpdated when it was last updated, epoch milliseconds
 */
record StoredLocation(String handle, double latitude, double longitude, long lastUpdated) {

	StoredLocation refreshed(long now) {
		return new StoredLocation(this.handle, this.latitude, this.longitude, now);
	}

}
