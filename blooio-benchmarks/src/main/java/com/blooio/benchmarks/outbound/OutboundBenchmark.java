package com.blooio.benchmarks.outbound;

import java.time.Duration;
import java.util.List;
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
import com.blooio.spring.client.model.SendMessageRequest;

/**
 * Sends per second and latency through {@link BlooioTemplate} versus a raw
 * {@link WebClient} posting the same JSON with the same headers to the same stub, both
 * built from Boot's {@code WebClient.Builder} on one connection pool. Per concurrency
 * level: both sides warm up, then measured rounds alternate the order (template-raw,
 * raw-template, ...) so that drift on a busy machine hits both alike.
 */
public final class OutboundBenchmark {

	private static final String CHAT_ID = "+15551234567";

	private static final String TEXT = "Your order #1234 has shipped";

	private static final SendMessageRequest REQUEST = SendMessageRequest.text(TEXT);

	private static final LongSupplier CPU = ClosedLoad::processCpuNanos;

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
			Supplier<Mono<?>> templateSend = () -> template.messages().send(CHAT_ID, REQUEST);
			Supplier<Mono<?>> rawSend = () -> rawSend(raw);
			Report.progress("outbound: JIT warm-up, " + warmup.toSeconds() + " s per side");
			ClosedLoad.run(templateSend, 64, warmup, CPU);
			ClosedLoad.run(rawSend, 64, warmup, CPU);
			for (int concurrency : levels) {
				measure(concurrency, templateSend, rawSend, warmup.dividedBy(2), duration, rounds);
			}
		}
		System.exit(0);
	}

	private static void measure(int concurrency, Supplier<Mono<?>> templateSend, Supplier<Mono<?>> rawSend,
			Duration warmup, Duration duration, int rounds) {
		Report.progress("outbound: concurrency " + concurrency + ", " + rounds + " rounds of " + duration.toSeconds()
				+ " s per side");
		ClosedLoad.run(templateSend, concurrency, warmup, CPU);
		ClosedLoad.run(rawSend, concurrency, warmup, CPU);
		Totals template = new Totals();
		Totals raw = new Totals();
		for (int round = 0; round < rounds; round++) {
			if (round % 2 == 0) {
				template.add(ClosedLoad.run(templateSend, concurrency, duration, CPU));
				raw.add(ClosedLoad.run(rawSend, concurrency, duration, CPU));
			}
			else {
				raw.add(ClosedLoad.run(rawSend, concurrency, duration, CPU));
				template.add(ClosedLoad.run(templateSend, concurrency, duration, CPU));
			}
		}
		double minRatio = Double.MAX_VALUE;
		double maxRatio = 0;
		for (int round = 0; round < rounds; round++) {
			double ratio = template.rates().get(round) / raw.rates().get(round);
			minRatio = Math.min(minRatio, ratio);
			maxRatio = Math.max(maxRatio, ratio);
		}
		Report.result(concat(
				new Object[] { "part", "outbound", "concurrency", concurrency, "ratio",
						String.format(java.util.Locale.ROOT, "%.3f", template.perSecond() / raw.perSecond()),
						"minRatio", String.format(java.util.Locale.ROOT, "%.3f", minRatio), "maxRatio",
						String.format(java.util.Locale.ROOT, "%.3f", maxRatio) },
				template.describe("starter"), raw.describe("baseline")));
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
		return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
	}

	record RawSendBody(String text) {

	}

	record RawSendResponse(@JsonProperty("message_id") String messageId, String status) {

	}

}
