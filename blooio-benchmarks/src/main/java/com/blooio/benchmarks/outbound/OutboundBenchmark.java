package com.blooio.benchmarks.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import com.blooio.benchmarks.support.Args;
import com.blooio.benchmarks.support.ClosedLoad;
import com.blooio.benchmarks.support.Report;
import com.blooio.benchmarks.support.Totals;
import com.blooio.spring.client.BlooioTemplate;
import com.blooio.spring.model.message.SendMessageRequest;

/**
 * Sends per second and latency through {@link BlooioTemplate} versus a raw
 * {@link WebClient} posting the same JSON with the same headers to the same stub, both
 * built from Boot's {@code WebClient.Builder} on one connection pool. A third, diagnostic
 * side is the raw send with the template's per-attempt response timeout
 * ({@code Mono.timeout}). Per concurrency level: every side warms up, then measured
 * rounds rotate the order so that drift on a busy machine hits all sides alike.
 */
public final class OutboundBenchmark {

	private static final String CHAT_ID = "+15551234567";

	private static final String TEXT = "Your order #1234 has shipped";

	private static final SendMessageRequest REQUEST = SendMessageRequest.text(TEXT);

	private static final LongSupplier CPU = ClosedLoad::processCpuNanos;

	/** The side every other is compared with. */
	static final String BASELINE = "raw";

	/** The template's default per-attempt response timeout. */
	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private OutboundBenchmark() {
	}

	public static void main(String[] arguments) {
		Args args = Args.parse(arguments);
		String baseUrl = "http://127.0.0.1:" + args.require("port") + "/v2/api";
		List<Integer> levels = args.getInts("levels", "1,64,256");
		Duration warmup = Duration.ofSeconds(args.getInt("warmup", 10));
		Duration duration = Duration.ofSeconds(args.getInt("duration", 8));
		int rounds = args.getInt("rounds", 3);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutboundApp.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("blooio.api-key", SendStubServer.API_KEY, "blooio.base-url", baseUrl,
					"spring.main.banner-mode", "off", "logging.level.root", "warn"))
			.run()) {
			BlooioTemplate template = context.getBean(BlooioTemplate.class);
			WebClient raw = context.getBean(WebClient.Builder.class).baseUrl(baseUrl).build();
			Map<String, Supplier<Mono<?>>> sides = new LinkedHashMap<>();
			sides.put("template", () -> template.messages().send(CHAT_ID, REQUEST));
			sides.put(BASELINE, () -> rawSend(raw));
			// diagnostic: the raw send with the template's per-attempt response timeout
			sides.put("raw-with-timeout", () -> rawSend(raw).timeout(RESPONSE_TIMEOUT));
			Report.progress("outbound: JIT warm-up, " + warmup.toSeconds() + " s per side " + sides.keySet());
			sides.values().forEach((side) -> ClosedLoad.run(side, 64, warmup, CPU));
			for (int concurrency : levels) {
				measure(concurrency, sides, warmup.dividedBy(2), duration, rounds);
			}
		}
		System.exit(0);
	}

	private static void measure(int concurrency, Map<String, Supplier<Mono<?>>> sides, Duration warmup,
			Duration duration, int rounds) {
		Report.progress("outbound: concurrency " + concurrency + ", " + rounds + " rounds of " + duration.toSeconds()
				+ " s per side");
		sides.values().forEach((side) -> ClosedLoad.run(side, concurrency, warmup, CPU));
		Map<String, Totals> totals = new LinkedHashMap<>();
		sides.keySet().forEach((name) -> totals.put(name, new Totals()));
		List<String> order = new ArrayList<>(sides.keySet());
		for (int round = 0; round < rounds; round++) {
			for (String name : order) {
				totals.get(name).add(ClosedLoad.run(sides.get(name), concurrency, duration, CPU));
			}
			order.add(order.remove(0));
		}
		Totals baseline = totals.get(BASELINE);
		totals.forEach((name, side) -> {
			double minRatio = Double.MAX_VALUE;
			double maxRatio = 0;
			for (int round = 0; round < rounds; round++) {
				double ratio = side.rates().get(round) / baseline.rates().get(round);
				minRatio = Math.min(minRatio, ratio);
				maxRatio = Math.max(maxRatio, ratio);
			}
			Object[] head = { "part", "outbound", "concurrency", concurrency, "target", name, "ratio",
					format(side.perSecond() / baseline.perSecond()), "minRatio", format(minRatio), "maxRatio",
					format(maxRatio), "cpuRatio", format(side.cpuMicrosPerRequest() / baseline.cpuMicrosPerRequest()) };
			Report.result(concat(head, side.describe("target")));
		});
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/**
	 * What a developer would write with WebClient alone: same path, same JSON, same
	 * headers, the response read into a small record.
	 */
	private static Mono<RawSendResponse> rawSend(WebClient raw) {
		return raw.post().uri("/chats/{chatId}/messages", CHAT_ID).headers((headers) -> {
			headers.setBearerAuth(SendStubServer.API_KEY);
			headers.set("Idempotency-Key", UUID.randomUUID().toString());
		})
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new RawSendBody(TEXT))
			.retrieve()
			.bodyToMono(RawSendResponse.class);
	}

	static Object[] concat(Object[]... parts) {
		return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
	}

	record RawSendBody(String text) {

	}

	record RawSendResponse(@JsonProperty("message_id") String messageId, String status) {

	}

}
