package com.blooio.spring.client.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.blooio.spring.model.Page;

/**
 * Walks offset-paged list endpoints lazily: a page is requested only once the subscriber
 * has consumed the previous one and asks for more, and walking stops on the last page.
 */
final class Paginator {

	/** Blooio's page size when a list call names none. */
	static final int DEFAULT_PAGE_SIZE = 50;

	private Paginator() {
	}

	static <T> Flux<T> items(int startOffset, IntFunction<Mono<Page<T>>> fetchPage) {
		return Flux.defer(() -> {
			AtomicInteger nextOffset = new AtomicInteger(startOffset);
			AtomicBoolean lastPageSeen = new AtomicBoolean();
			return Flux.<Integer>generate((sink) -> {
				if (lastPageSeen.get()) {
					sink.complete();
				}
				else {
					sink.next(nextOffset.get());
				}
			}).concatMap((offset) -> pageItems(offset, fetchPage, (page) -> {
				nextOffset.set(page.nextOffset());
				lastPageSeen.set(!page.hasNext());
			}), 0);
		});
	}

	/**
	 * The items of one page. The page call starts only when the subscriber requests an
	 * item: WebClient sends a request as soon as it is subscribed to, and a page fetched
	 * ahead of demand would also run into the response timeout while nobody reads it.
	 */
	private static <T> Flux<T> pageItems(int offset, IntFunction<Mono<Page<T>>> fetchPage, Consumer<Page<T>> onPage) {
		// hide() stops Reactor's shortcut that maps a single value at subscription time
		return Flux.just(offset)
			.hide()
			.concatMap(fetchPage::apply, 0)
			.doOnNext(onPage)
			.concatMap((page) -> Flux.fromIterable(page.items()), 0);
	}

}
