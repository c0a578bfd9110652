package com.blooio.spring.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * Renders request and response bodies for DEBUG logs with secrets masked
 * ({@link SecretMasking}). Multipart bodies are summarised as part names and sizes; long
 * bodies are cut short.
 */
final class LoggedBodies {

	static final int MAX_LENGTH = 4096;

	private final SecretMasking masking;

	LoggedBodies(SecretMasking masking) {
		this.masking = masking;
	}

	/**
	 * Renders what a request sends: its JSON, a summary of its parts, or {@code (none)}.
	 */
	String request(ApiRequest request) {
		byte[] body = request.body();
		if (body != null) {
			return render(body);
		}
		MultiValueMap<String, HttpEntity<?>> parts = request.multipart();
		return (parts != null) ? summarise(parts) : "(none)";
	}

	/**
	 * Renders a response body, or {@code (empty)}.
	 */
	String response(byte[] body) {
		return render(body);
	}

	String render(byte[] body) {
		if (body.length == 0) {
			return "(empty)";
		}
		JsonNode tree = this.masking.maskedTree(body);
		String text = (tree != null) ? tree.toString() : this.masking.maskedText(body);
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "... (" + body.length + " bytes in total)"
				: text;
	}

	private static String summarise(MultiValueMap<String, HttpEntity<?>> parts) {
		List<String> described = new ArrayList<>();
		for (Map.Entry<String, List<HttpEntity<?>>> part : parts.entrySet()) {
			for (HttpEntity<?> entity : part.getValue()) {
				MediaType type = entity.getHeaders().getContentType();
				described
					.add(part.getKey() + " (" + ((type != null) ? type + ", " : "") + size(entity.getBody()) + ")");
			}
		}
		return "multipart " + described;
	}

	private static String size(@Nullable Object body) {
		if (body instanceof byte[] bytes) {
			return bytes.length + " bytes";
		}
		if (body instanceof CharSequence text) {
			return text.length() + " chars";
		}
		if (body instanceof Resource resource) {
			try {
				return resource.contentLength() + " bytes";
			}
			catch (Exception ex) {
				return "size unknown";
			}
		}
		return (body != null) ? "size unknown" : "empty";
	}

}
