package com.blooio.spring.webhook.endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.WebhookOutcome;

/**
 * The webhook endpoint for Spring MVC. Reads the body up to the maximum size (larger
 * bodies are refused while reading), then runs the {@link BlooioWebhookHandler} on the
 * request thread. Requests refused before the pipeline runs (wrong method or media type,
 * body too large) are reported to the handler's {@link WebhookDeliveryObserver} like
 * every other outcome.
 *
 * @since 0.1.0
 */
public class WebMvcWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final int CHUNK = 8192;

	private final BlooioWebhookHandler handler;

	private final long maxBodyBytes;

	/**
	 * Creates an endpoint.
	 * @param handler the delivery pipeline
	 * @param maxBodyBytes the largest body accepted
	 */
	public WebMvcWebhookEndpoint(BlooioWebhookHandler handler, long maxBodyBytes) {
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		HttpHeaders headers = request.headers().asHttpHeaders();
		WebhookOutcome early = WebhookRequests.rejectEarly(request.method(), headers, this.maxBodyBytes);
		if (early != null) {
			return respond(this.handler.refuse(early));
		}
		byte[] body = readAtMost(request.servletRequest().getInputStream(), this.maxBodyBytes);
		if (body == null) {
			return respond(this.handler.refuse(WebhookOutcome.TOO_LARGE));
		}
		return respond(this.handler.handle(headers, body));
	}

	/**
	 * Reads the stream, or returns {@code null} as soon as it exceeds the limit.
	 */
	private static byte @Nullable [] readAtMost(InputStream input, long limit) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] chunk = new byte[CHUNK];
		long total = 0;
		int read;
		while ((read = input.read(chunk)) != -1) {
			total += read;
			if (total > limit) {
				return null;
			}
			body.write(chunk, 0, read);
		}
		return body.toByteArray();
	}

	private static ServerResponse respond(WebhookOutcome outcome) {
		ServerResponse.BodyBuilder response = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome == WebhookOutcome.METHOD_NOT_ALLOWED) {
			response.allow(HttpMethod.POST);
		}
		if (outcome.retryAfterSeconds() > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Integer.toString(outcome.retryAfterSeconds()));
		}
		byte[] body = WebhookResponses.body(outcome);
		// written as it is, without looking up a message converter for every answer
		return response.build((servletRequest, servletResponse) -> {
			servletResponse.setContentLength(body.length);
			servletResponse.getOutputStream().write(body);
			return null;
		});
	}

}
