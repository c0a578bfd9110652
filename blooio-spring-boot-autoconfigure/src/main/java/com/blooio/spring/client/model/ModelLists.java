package com.blooio.spring.client.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Normalises lists read from JSON: never {@code null}, no {@code null} elements,
 * immutable.
 */
final class ModelLists {

	private ModelLists() {
	}

	static <T> List<T> of(@Nullable List<@Nullable T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		return list.stream().filter(Objects::nonNull).map(Objects::requireNonNull).toList();
	}

}
