package com.blooio.spring.test.simulator.internal.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import com.blooio.spring.webhook.BlooioWebhook;
import com.blooio.spring.webhook.signature.WebhookSigner;

/**
 * Makes one webhook delivery attempt: POSTs a JSON body signed at the time of the attempt
 * with Blooio's headers, and tells what the receiver answered, or that it could not be
 * reached. Bodies are signed by the library's {@link WebhookSigner}, the one
 * implementation of Blooio's signature scheme.
 * <p>
 * Not API: public only for the simulator's internal packages.
 */
public final class SignedPoster {

	private static final Log logger = LogFactory.getLog(SignedPoster.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	/**
	 * Posts a webhook and waits for the answer.
	 * @param webhook what to post, and where
	 * @return what the receiver answered
	 */
	public DeliveryResult post(SignedWebhook webhook) {
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.client.send(request(webhook), HttpResponse.BodyHandlers.ofByteArray());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
			return new DeliveryResult(response.statusCode(), System.currentTimeMillis(), elapsedMillis(started),
					response.headers().firstValue("Content-Type").orElse(null), headers, response.body(), null);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Blooio simulator could not deliver " + webhook.event() + " to " + webhook.url(), ex);
			return DeliveryResult.unreachable(elapsedMillis(started), ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryResult.unreachable(elapsedMillis(started), "Interrupted");
		}
	}

	private static HttpRequest request(SignedWebhook webhook) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header(BlooioWebhook.EVENT_HEADER, webhook.event())
			.header(WebhookSigner.SIGNATURE_HEADER, webhook.signer().signatureHeader(Instant.now(), webhook.body()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
		if (webhook.messageId() != null) {
			request.header(BlooioWebhook.MESSAGE_ID_HEADER, webhook.messageId());
		}
		if (webhook.replayOf() != null) {
			request.header(BlooioWebhook.REPLAY_HEADER, "true")
				.header(BlooioWebhook.ORIGINAL_EVENT_ID_HEADER, webhook.replayOf());
		}
		return request.build();
	}

	private static long elapsedMillis(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	/**
	 * One webhook to post.
	 *
	 * @param url where to post it
	 * @param signer signs the body, with the subscription's secret of the moment
	 * @param event the event type, sent as {@value BlooioWebhook#EVENT_HEADER}
	 * @param messageId the message the event is about, sent as
	 * {@value BlooioWebhook#MESSAGE_ID_HEADER}, or {@code null} to leave it out
	 * @param replayOf the id of the event this delivery replays, or {@code null} if it is
	 * not a replay
	 * @param body the JSON body
	 */
	public record SignedWebhook(String url, WebhookSigner signer, String event, @Nullable String messageId,
			@Nullable String replayOf, byte[] body) {

	}

}
