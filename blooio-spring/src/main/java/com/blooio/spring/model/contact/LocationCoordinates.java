package com.blooio.spring.model.contact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * A position as Blooio sends it, the JSON array {@code [latitude, longitude]}.
 *
 * @param latitude the latitude in degrees, or {@code null}
 * @param longitude the longitude in degrees, or {@code null}
 * @since 0.1.0
 */
public record LocationCoordinates(@Nullable Double latitude, @Nullable Double longitude) {

	/**
	 * Reads {@code [latitude, longitude]}; missing entries become {@code null}.
	 * @param values the array
	 * @return the coordinates, or {@code null} for an empty array
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static @Nullable LocationCoordinates fromArray(@Nullable List<@Nullable Double> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		return new LocationCoordinates(values.get(0), (values.size() > 1) ? values.get(1) : null);
	}

}
