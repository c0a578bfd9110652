package com.blooio.spring.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.client.model.Page;

/**
 * Walks offset-paged list endpoints lazily: a page is requested only once the subscriber
 * has consumed the previous one and asks for more, and walking stops on the last page.
 */
final class Paginator {

	private Paginator() {
	}

	static <T> Flux<T> items(int startOffset, IntFunction<Mono<Page<T>>> fetchPage) {
		return Flux.defer(() -> {
			AtomicInteger nextOffset = new AtomicInteger(startOffset);
			return Flux.<Integer>generate((sink) -> sink.next(nextOffset.get()))
				// prefetch 0: the next offset is pulled only on downstream demand
				.concatMap(fetchPage::apply, 0)
				.doOnNext((page) -> nextOffset.set(page.nextOffset()))
				.takeUntil((page) -> !page.hasNext())
				.concatMap((page) -> Flux.fromIterable(page.items()), 0);
		});
	}

}
