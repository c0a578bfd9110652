package com.blooio.spring.webhook.endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

import com.blooio.spring.webhook.BlooioWebhookHandler;
import com.blooio.spring.webhook.WebhookDeliveryObserver;
import com.blooio.spring.webhook.WebhookOutcome;

/**
 * The webhook endpoint for Spring MVC, to be mapped at the webhook path (for example with
 * a {@link org.springframework.web.servlet.handler.SimpleUrlHandlerMapping}). Reads the
 * body up to the maximum size (larger bodies are refused while reading), then runs the
 * {@link BlooioWebhookHandler} on the request thread: the servlet container's bounded
 * request thread pool already limits how many deliveries run at once, and a saturated
 * container queues or refuses connections itself, so a second pool would add a hand-over
 * without adding a bound. Requests refused before the pipeline runs (wrong method or
 * media type, body too large) are reported to the handler's
 * {@link WebhookDeliveryObserver} like every other outcome.
 * <p>
 * It is a plain {@link HttpRequestHandler} rather than a functional route: Spring MVC
 * builds a functional {@code ServerRequest} for every request of the application as soon
 * as one route exists, and that fails with an {@code IllegalArgumentException} (a 500 on
 * every path) when a request declares a wildcard {@code Content-Type} such as
 * {@code *}{@code /*} and a request character encoding is set, as Spring Boot's
 * {@code CharacterEncodingFilter} does. The request headers are read here without that
 * step, so such a request gets 415 on this path and never affects another.
 *
 * @since 0.1.0
 */
public class WebMvcWebhookEndpoint implements HttpRequestHandler {

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
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpHeaders headers = headersOf(request);
		WebhookOutcome early = WebhookRequests.rejectEarly(HttpMethod.valueOf(request.getMethod()), headers,
				this.maxBodyBytes);
		if (early != null) {
			respond(response, this.handler.refuse(early));
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBodyBytes);
		if (body == null) {
			respond(response, this.handler.refuse(WebhookOutcome.TOO_LARGE));
			return;
		}
		respond(response, this.handler.handle(headers, body));
	}

	/**
	 * Copies the request headers as received: unlike Spring's
	 * {@code ServletServerHttpRequest}, it does not merge the request character encoding
	 * into the {@code Content-Type}, which throws for a wildcard type.
	 */
	private static HttpHeaders headersOf(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			Enumeration<String> values = request.getHeaders(name);
			while (values.hasMoreElements()) {
				headers.add(name, values.nextElement());
			}
		}
		return headers;
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

	private static void respond(HttpServletResponse response, WebhookOutcome outcome) throws IOException {
		response.setStatus(outcome.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		if (outcome == WebhookOutcome.METHOD_NOT_ALLOWED) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
		}
		if (outcome.retryAfterSeconds() > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(outcome.retryAfterSeconds()));
		}
		// written as it is, without looking up a message converter for every answer
		byte[] body = WebhookResponses.body(outcome);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
