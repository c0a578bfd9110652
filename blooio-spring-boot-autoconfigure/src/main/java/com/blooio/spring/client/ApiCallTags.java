package com.blooio.spring.client;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * What observations may say about one attempt of a Blooio call, carried as a request
 * attribute: only low-cardinality facts, never a path variable, query value or body.
 * <p>
 * The error code is filled in by {@link ErrorCodeFilter} while the exchange is still
 * observed, and read by {@link BlooioObservationFilter} when the observation stops.
 */
final class ApiCallTags {

	/** Request attribute that marks a request as a Blooio call. */
	static final String ATTRIBUTE = ApiCallTags.class.getName();

	/** Tag value when the response carried no Blooio error code. */
	static final String NO_ERROR_CODE = "none";

	/** Tag value for a code that does not look like one of Blooio's identifiers. */
	static final String OTHER_ERROR_CODE = "other";

	private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final String operation;

	private final String baseUrl;

	private final String uriTemplate;

	private volatile @Nullable String errorCode;

	ApiCallTags(String operation, String baseUrl, String uriTemplate) {
		this.operation = operation;
		this.baseUrl = baseUrl;
		this.uriTemplate = uriTemplate;
	}

	static @Nullable ApiCallTags of(ClientRequest request) {
		return (request.attributes().get(ATTRIBUTE) instanceof ApiCallTags tags) ? tags : null;
	}

	/**
	 * Returns the operation id, e.g. {@code sendMessage}.
	 */
	String operation() {
		return this.operation;
	}

	/**
	 * Returns the base URL followed by the path template, e.g.
	 * {@code https://backend.blooio.com/v2/api/chats/{chatId}/messages}.
	 */
	String urlTemplate() {
		return this.baseUrl + this.uriTemplate;
	}

	/**
	 * Records Blooio's {@code code} from an error body; anything that is not a short
	 * identifier is recorded as {@value #OTHER_ERROR_CODE}, so free text never becomes a
	 * tag.
	 */
	void errorCode(@Nullable String code) {
		if (code == null || code.isEmpty()) {
			this.errorCode = null;
		}
		else {
			this.errorCode = ERROR_CODE.matcher(code).matches() ? code : OTHER_ERROR_CODE;
		}
	}

	/**
	 * Returns the recorded error code, or {@value #NO_ERROR_CODE}.
	 */
	String errorCode() {
		String code = this.errorCode;
		return (code != null) ? code : NO_ERROR_CODE;
	}

}
