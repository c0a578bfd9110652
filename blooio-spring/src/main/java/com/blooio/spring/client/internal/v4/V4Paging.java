package com.blooio.spring.client.internal.v4;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a cursor-paged v4 list lazily: the next page is requested only once the previous
 * one is consumed. The list ends when Blooio says there is no more, names no cursor, or
 * names the cursor it was just asked for (which would read the same page forever).
 */
final class V4Paging {

	private V4Paging() {
	}

	static <T> Flux<T> all(Function<@Nullable String, Mono<V4Json.CursorPage<T>>> page) {
		return page.apply(null)
			.map((first) -> new Step<>(null, first))
			.expand((step) -> hasNext(step)
					? page.apply(step.page().nextCursor()).map((next) -> new Step<>(step.page().nextCursor(), next))
					: Mono.empty())
			.concatMapIterable((step) -> step.page().items());
	}

	private static boolean hasNext(Step<?> step) {
		String next = step.page().nextCursor();
		return step.page().hasMore() && next != null && !next.equals(step.cursor());
	}

	private record Step<T>(@Nullable String cursor, V4Json.CursorPage<T> page) {

	}

}
