package com.blooio.spring.model.contact;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.json.BlooioJson;

/**
 * Blooio's answer to a location refresh. Positions can lag 15 to 20 seconds behind the
 * refresh, so read {@code contacts()} again later for fresh ones.
 *
 * @param success whether Blooio reported success, or {@code null}
 * @param friends the locations known at the time of the refresh, never {@code null}
 * @since 0.1.0
 */
public record LocationRefresh(@Nullable Boolean success, List<ContactLocation> friends) {

	/**
	 * Normalises the list.
	 * @param success whether Blooio reported success
	 * @param friends the locations
	 */
	public LocationRefresh {
		friends = BlooioJson.listOf(friends);
	}

}
