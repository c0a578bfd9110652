package com.blooio.spring.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * Renders request and response bodies for DEBUG logs with secrets masked: JSON fields
 * whose name suggests a secret, anything shaped like a webhook signing secret
 * ({@code whsec_...}) and the API key. Multipart bodies are summarised as part names and
 * sizes; long bodies are cut short.
 */
final class LoggedBodies {

	static final String MASK = "******";

	static final int MAX_LENGTH = 4096;

	private static final List<String> SECRET_NAMES = List.of("secret", "password", "apikey", "api_key",
			"authorization");

	private static final Pattern SIGNING_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_-]+");

	// for bodies that are not JSON: "name": "value" and name=value pairs with a secret
	// name
	private static final Pattern SECRET_PAIR = Pattern.compile(
			"(?i)(\"?[a-z0-9_-]*(?:secret|password|api_?key|authorization)[a-z0-9_-]*\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;&}\\]]+)");

	private final ApiJson json;

	private final String apiKey;

	LoggedBodies(ApiJson json, String apiKey) {
		this.json = json;
		this.apiKey = apiKey;
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
		JsonNode tree = this.json.readTreeOrNull(body);
		String text;
		if (tree != null) {
			mask(tree);
			text = maskText(tree.toString());
		}
		else {
			text = maskText(SECRET_PAIR.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("$1" + MASK));
		}
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "... (" + body.length + " bytes in total)"
				: text;
	}

	private void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (isSecretName(name) && value != null && !value.isNull()) {
					object.put(name, MASK);
				}
				else if (value != null && value.isContainer()) {
					mask(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode element : array) {
				mask(element);
			}
		}
	}

	private static boolean isSecretName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String secret : SECRET_NAMES) {
			if (lower.contains(secret)) {
				return true;
			}
		}
		return false;
	}

	private String maskText(String text) {
		String masked = SIGNING_SECRET.matcher(text).replaceAll("whsec_" + MASK);
		return (!this.apiKey.isEmpty()) ? masked.replace(this.apiKey, MASK) : masked;
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
