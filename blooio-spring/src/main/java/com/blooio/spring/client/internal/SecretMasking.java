package com.blooio.spring.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes secrets out of bodies sent to or received from Blooio: JSON fields whose name
 * suggests a secret, anything shaped like a webhook signing secret ({@code whsec_...}),
 * and the API key wherever it appears, also when Blooio echoes it back.
 */
final class SecretMasking {

	static final String MASK = "******";

	private static final List<String> SECRET_NAMES = List.of("secret", "password", "apikey", "api_key",
			"authorization");

	private static final Pattern SIGNING_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_-]+");

	// for bodies that are not JSON: "name": "value" and name=value pairs with a secret
	// name
	private static final Pattern SECRET_PAIR = Pattern.compile(
			"(?i)(\"?[a-z0-9_-]*(?:secret|password|api_?key|authorization)[a-z0-9_-]*\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;&}\\]]+)");

	private final ApiJson json;

	private final String apiKey;

	SecretMasking(ApiJson json, String apiKey) {
		this.json = json;
		this.apiKey = apiKey;
	}

	/**
	 * Reads a JSON object body with every secret masked.
	 * @return the masked object, or {@code null} when the body is not a JSON object
	 */
	@Nullable JsonNode maskedTree(byte[] body) {
		JsonNode tree = this.json.readTreeOrNull(body);
		if (tree == null) {
			return null;
		}
		maskSecretFields(tree);
		String text = tree.toString();
		String masked = maskText(text);
		// re-read only when a value held a secret: the rare case
		return masked.equals(text) ? tree : this.json.readTreeOrNull(masked.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Renders a body that is not JSON with every secret masked.
	 */
	String maskedText(byte[] body) {
		return maskText(SECRET_PAIR.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("$1" + MASK));
	}

	/**
	 * Masks signing secrets and the API key in a text.
	 */
	String maskText(String text) {
		String masked = SIGNING_SECRET.matcher(text).replaceAll("whsec_" + MASK);
		return (!this.apiKey.isEmpty()) ? masked.replace(this.apiKey, MASK) : masked;
	}

	private static void maskSecretFields(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (isSecretName(name) && value != null && !value.isNull()) {
					object.put(name, MASK);
				}
				else if (value != null && value.isContainer()) {
					maskSecretFields(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode element : array) {
				maskSecretFields(element);
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

}
