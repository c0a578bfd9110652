package com.blooio.spring.client;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.blooio.spring.client.exception.BlooioApiException;
import com.blooio.spring.client.exception.BlooioTimeoutException;
import com.blooio.spring.model.chat.ChatQuery;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code listAll} paging through offset/limit pages lazily.
 */
class PaginationTests extends BlooioServerTestSupport {

	private static final String CHAT = "+15551234567";

	/** Long enough for a request that demand did not ask for to reach the server. */
	private static final Duration SETTLE = Duration.ofMillis(150);

	/**
	 * Main-code bug: {@code Paginator} fetches up to two pages ahead of demand, because
	 * {@code concatMap(.., 0)} requests the next source element as soon as the current
	 * inner completes and WebClient starts the call on subscribe.
	 */
	@Test
	void listAllFetchesTheNextPageOnlyWhenDemandNeedsIt() {
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(200, messagesPage(2, 2, null));
		enqueueJson(200, messagesPage(4, 1, null));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)), 0)
			.thenAwait(SETTLE)
			.then(() -> assertThat(this.server.getRequestCount()).isZero())
			.thenRequest(1)
			.expectNext(message(0))
			.then(() -> assertThat(this.server.getRequestCount()).isEqualTo(1))
			.thenRequest(1)
			.expectNext(message(1))
			.thenAwait(SETTLE)
			.then(() -> assertThat(this.server.getRequestCount()).isEqualTo(1))
			.thenRequest(1)
			.expectNext(message(2))
			.then(() -> assertThat(this.server.getRequestCount()).isEqualTo(2))
			.thenRequest(1)
			.expectNext(message(3))
			.thenAwait(SETTLE)
			.then(() -> assertThat(this.server.getRequestCount()).isEqualTo(2))
			.thenRequest(10)
			.expectNextMatches((message) -> message.messageId().equals("m4"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	/**
	 * Main-code bug: the page fetched ahead of demand is subscribed but not requested, so
	 * its response timeout runs out while the consumer is busy, and the walk fails with
	 * {@link BlooioTimeoutException} although Blooio answered at once.
	 */
	@Test
	void listAllWithSlowConsumerDoesNotTimeOutAPageNobodyAskedFor() throws Exception {
		warmUp();
		template(settings().withResponseTimeout(Duration.ofMillis(400)));
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(200, messagesPage(2, 2, null));
		for (int i = 0; i < 4; i++) {
			enqueueJson(200, messagesPage(4, 1, null));
		}
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)), 0)
			.thenRequest(2)
			.expectNext(message(0), message(1))
			// the consumer takes longer than all attempts' timeouts before asking for
			// more
			.thenAwait(Duration.ofMillis(1600))
			.thenRequest(Long.MAX_VALUE)
			.expectNext(message(2), message(3), message(4))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
	}

	/**
	 * Makes one call first, so that a short response timeout is not spent on warming up
	 * the HTTP client.
	 */
	private void warmUp() throws InterruptedException {
		enqueueJson(200, "{\"id\":\"warm-up\"}");
		this.blooio.chats().get("warm-up").block(VERIFY_TIMEOUT);
		takeRequest();
	}

	@Test
	void listAllSendsOffsetsZeroTwoFourForPageSizeTwo() throws Exception {
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(200, messagesPage(2, 2, null));
		enqueueJson(200, messagesPage(4, 1, null));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2).offset(0)))
			.expectNextCount(5)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages?limit=2&offset=0");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages?limit=2&offset=2");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats/%2B15551234567/messages?limit=2&offset=4");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void listAllWithoutOffsetOmitsItOnTheFirstPageOnly() throws Exception {
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(200, messagesPage(2, 0, null));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNextCount(2)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getUrl().queryParameter("offset")).isNull();
		assertThat(takeRequest().getUrl().queryParameter("offset")).isEqualTo("2");
	}

	@Test
	void listAllStartsAtTheQueryOffset() throws Exception {
		enqueueJson(200, messagesPage(10, 1, null));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2).offset(10)))
			.expectNext(message(10))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getUrl().queryParameter("offset")).isEqualTo("10");
	}

	@Test
	void listAllDerivesTheNextOffsetFromWhatItAskedForNotFromTheServersOffset() throws Exception {
		// random schema-valid data: the server's offset may be anything, negative
		// included
		enqueueJson(200, messagesPage(0, 2, "\"limit\":2,\"offset\":-51692100,\"has_more\":true"));
		enqueueJson(200, messagesPage(2, 1, "\"limit\":2,\"offset\":9999,\"has_more\":false"));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2).offset(0)))
			.expectNext(message(0), message(1), message(2))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getUrl().queryParameter("offset")).isEqualTo("0");
		assertThat(takeRequest().getUrl().queryParameter("offset")).isEqualTo("2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listAllStopsWhenTheServersTotalIsNegative() {
		enqueueJson(200, messagesPage(0, 2, "\"limit\":2,\"offset\":0,\"total\":-3"));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNext(message(0), message(1))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void listAllStopsWhenTotalIsReached() {
		enqueueJson(200, messagesPage(0, 2, "\"limit\":2,\"offset\":0,\"total\":4"));
		enqueueJson(200, messagesPage(2, 2, "\"limit\":2,\"offset\":2,\"total\":4"));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNext(message(0), message(1), message(2), message(3))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listAllStopsOnShortPageWhenPaginationIsMissing() {
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(200, messagesPage(2, 1, null));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNextCount(3)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listAllStopsWhenHasMoreIsFalse() {
		enqueueJson(200, messagesPage(0, 2, "\"limit\":2,\"offset\":0,\"has_more\":false"));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNextCount(2)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void listAllFollowsHasMoreOverAShortPage() {
		enqueueJson(200, messagesPage(0, 1, "\"limit\":2,\"offset\":0,\"has_more\":true"));
		enqueueJson(200, messagesPage(1, 1, "\"limit\":2,\"offset\":1,\"has_more\":false"));
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNext(message(0), message(1))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void listAllWithEmptyFirstPageCompletes() {
		enqueueJson(200, "{\"chat_id\":\"+15551234567\",\"messages\":[],\"pagination\":{\"limit\":50,\"offset\":0,"
				+ "\"total\":0}}");
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults()))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void listAllStopsOnEmptyPageEvenIfHasMoreSaysOtherwise() {
		enqueueJson(200, "{\"messages\":[],\"pagination\":{\"has_more\":true}}");
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults()))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void listAllFailsWithTheErrorOfAFailingPage() {
		enqueueJson(200, messagesPage(0, 2, null));
		enqueueJson(404, "{\"error\":\"ApiError\",\"message\":\"Chat not found\",\"status\":404}");
		StepVerifier.create(this.blooio.messages().listAll(CHAT, MessageQuery.defaults().limit(2)))
			.expectNextCount(2)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BlooioApiException.class)
				.extracting("statusCode")
				.isEqualTo(404))
			.verify(VERIFY_TIMEOUT);
	}

	@Test
	void chatsListAllWalksPagesWithSearch() throws Exception {
		enqueueJson(200, chatsPage(0, 2, "\"limit\":2,\"offset\":0,\"total\":3"));
		enqueueJson(200, chatsPage(2, 1, "\"limit\":2,\"offset\":2,\"total\":3"));
		StepVerifier.create(this.blooio.chats().listAll(ChatQuery.defaults().limit(2).search("jane")))
			.expectNextMatches((chat) -> chat.id().equals("c0"))
			.expectNextMatches((chat) -> chat.id().equals("c1"))
			.expectNextMatches((chat) -> chat.id().equals("c2"))
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats?limit=2&q=jane");
		assertThat(takeRequest().getTarget()).isEqualTo("/v2/api/chats?limit=2&offset=2&q=jane");
	}

	private static Message message(int index) {
		return new Message("m" + index, null, null, null, null, null, null, "text " + index, null, null, null, null,
				null, null, null, null, null);
	}

	private static String messagesPage(int from, int count, String pagination) {
		String messages = IntStream.range(from, from + count)
			.mapToObj((index) -> "{\"message_id\":\"m" + index + "\",\"text\":\"text " + index + "\"}")
			.collect(Collectors.joining(","));
		return "{\"messages\":[" + messages + "]" + ((pagination != null) ? ",\"pagination\":{" + pagination + "}" : "")
				+ "}";
	}

	private static String chatsPage(int from, int count, String pagination) {
		String chats = IntStream.range(from, from + count)
			.mapToObj((index) -> "{\"id\":\"c" + index + "\"}")
			.collect(Collectors.joining(","));
		return "{\"chats\":[" + chats + "],\"pagination\":{" + pagination + "}}";
	}

}
