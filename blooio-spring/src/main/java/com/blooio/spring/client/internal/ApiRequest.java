package com.blooio.spring.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * One call to Blooio, fully resolved: method, percent-encoded URI, body and the facts the
 * retry policy needs.
 *
 * @param operation Blooio's operation id, for errors, logs and metrics
 * @param method the HTTP method
 * @param uriTemplate the path template, e.g. {@code /chats/{chatId}/messages}, a
 * low-cardinality name for observations
 * @param baseUrl the base URL the call goes to (v2 or v4)
 * @param uri the absolute URI with every path variable and query value percent-encoded
 * @param body the JSON body, or {@code null}
 * @param multipart the {@code multipart/form-data} parts, or {@code null}; never set
 * together with {@code body}
 * @param idempotencyKey the {@code Idempotency-Key} header value, or {@code null}
 * @param idempotent whether repeating the request cannot cause a second effect, so a
 * retry is safe even after it may have reached Blooio
 * @since 0.1.0
 */
public record ApiRequest(String operation, HttpMethod method, String uriTemplate, String baseUrl, URI uri,
		byte @Nullable [] body, @Nullable MultiValueMap<String, HttpEntity<?>> multipart,
		@Nullable String idempotencyKey, boolean idempotent) {

	/**
	 * Starts a GET.
	 * @param operation Blooio's operation id
	 * @param uriTemplate the path template
	 * @param pathVariables the path variables, in order
	 * @return the builder
	 */
	public static Builder get(String operation, String uriTemplate, String... pathVariables) {
		return new Builder(operation, HttpMethod.GET, uriTemplate, pathVariables);
	}

	/**
	 * Starts a POST.
	 * @param operation Blooio's operation id
	 * @param uriTemplate the path template
	 * @param pathVariables the path variables, in order
	 * @return the builder
	 */
	public static Builder post(String operation, String uriTemplate, String... pathVariables) {
		return new Builder(operation, HttpMethod.POST, uriTemplate, pathVariables);
	}

	static Builder put(String operation, String uriTemplate, String... pathVariables) {
		return new Builder(operation, HttpMethod.PUT, uriTemplate, pathVariables);
	}

	/**
	 * Starts a PATCH.
	 * @param operation Blooio's operation id
	 * @param uriTemplate the path template
	 * @param pathVariables the path variables, in order
	 * @return the builder
	 */
	public static Builder patch(String operation, String uriTemplate, String... pathVariables) {
		return new Builder(operation, HttpMethod.PATCH, uriTemplate, pathVariables);
	}

	/**
	 * Starts a DELETE.
	 * @param operation Blooio's operation id
	 * @param uriTemplate the path template
	 * @param pathVariables the path variables, in order
	 * @return the builder
	 */
	public static Builder delete(String operation, String uriTemplate, String... pathVariables) {
		return new Builder(operation, HttpMethod.DELETE, uriTemplate, pathVariables);
	}

	/**
	 * Encodes a path variable or query value so that it stays one literal value: every
	 * character outside RFC 3986's unreserved set is percent-encoded ({@code +} becomes
	 * {@code %2B}, {@code @} becomes {@code %40}, {@code ,} becomes {@code %2C}).
	 */
	static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Builds a request; path variables are checked and encoded when it is started.
	 */
	public static final class Builder {

		private final String operation;

		private final HttpMethod method;

		private final String uriTemplate;

		private final String encodedPath;

		private final List<String> query = new ArrayList<>();

		private byte @Nullable [] body;

		private @Nullable MultiValueMap<String, HttpEntity<?>> multipart;

		private @Nullable String idempotencyKey;

		private boolean idempotent;

		private Builder(String operation, HttpMethod method, String uriTemplate, String... pathVariables) {
			this.operation = operation;
			this.method = method;
			this.uriTemplate = uriTemplate;
			this.encodedPath = expand(uriTemplate, pathVariables);
			this.idempotent = method != HttpMethod.POST && method != HttpMethod.PATCH;
		}

		private static String expand(String template, String... variables) {
			StringBuilder path = new StringBuilder(template.length() + 32);
			int variable = 0;
			int from = 0;
			int open;
			while ((open = template.indexOf('{', from)) >= 0) {
				int close = template.indexOf('}', open);
				Assert.state(variable < variables.length, () -> "Missing value for " + template);
				String value = variables[variable++];
				String name = template.substring(open + 1, close);
				Assert.isTrue(value != null && !value.isBlank(), () -> name + " must not be empty");
				String trimmed = value.trim();
				// '.' and '..' are unreserved, so they would go out as they are: a dot
				// segment,
				// which a normalising server or proxy resolves to another resource
				Assert.isTrue(!trimmed.equals(".") && !trimmed.equals(".."),
						() -> name + " must not be '" + trimmed + "'");
				path.append(template, from, open).append(encode(trimmed));
				from = close + 1;
			}
			return path.append(template, from, template.length()).toString();
		}

		/**
		 * Adds a query parameter, unless the value is {@code null}.
		 * @param name the name
		 * @param value the value, or {@code null}
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			if (value != null) {
				this.query.add(encode(name) + "=" + encode(value.toString()));
			}
			return this;
		}

		/**
		 * Sets the JSON body.
		 * @param body the body
		 * @return this builder
		 */
		public Builder body(byte[] body) {
			Assert.state(this.multipart == null, "A request has either a JSON or a multipart body");
			this.body = body;
			return this;
		}

		/**
		 * Sends the parts as {@code multipart/form-data}. Retrying such a request (only
		 * when Blooio certainly did not act on it, as it is a POST) writes the parts
		 * again, so they must be re-readable, e.g. byte arrays.
		 */
		Builder multipart(MultiValueMap<String, HttpEntity<?>> parts) {
			Assert.state(this.body == null, "A request has either a JSON or a multipart body");
			this.multipart = parts;
			return this;
		}

		/**
		 * Sends an {@code Idempotency-Key}: Blooio answers a repeat with the original
		 * result, so the request becomes safe to retry.
		 * @param idempotencyKey the key
		 * @return this builder
		 */
		public Builder idempotencyKey(String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			this.idempotent = true;
			return this;
		}

		/**
		 * Resolves the request against a base URL.
		 * @param baseUrl the base URL
		 * @return the request
		 */
		public ApiRequest build(URI baseUrl) {
			StringBuilder uri = new StringBuilder(baseUrl.toString()).append(this.encodedPath);
			if (!this.query.isEmpty()) {
				uri.append('?').append(String.join("&", this.query));
			}
			return new ApiRequest(this.operation, this.method, this.uriTemplate, baseUrl.toString(),
					URI.create(uri.toString()), this.body, this.multipart, this.idempotencyKey, this.idempotent);
		}

	}

}
