package com.blooio.spring.client.observation;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * What observations may say about one attempt of a Blooio call, carried as the request
 * attribute {@link #ATTRIBUTE}: only low-cardinality facts, never a path variable, query
 * value or body. An application's own {@code ExchangeFilterFunction} or observation
 * convention can read it with {@link #of(ClientRequest)}.
 * <p>
 * The client records Blooio's error code while the exchange is still observed;
 * {@link BlooioObservationFilter} reads it when the observation stops.
 *
 * @since 0.1.0
 */
public final class ApiCallTags {

	/** Request attribute that marks a request as a Blooio call. */
	public static final String ATTRIBUTE = ApiCallTags.class.getName();

	/** Tag value when the response carried no Blooio error code. */
	public static final String NO_ERROR_CODE = "none";

	/** Tag value for a code that does not look like one of Blooio's identifiers. */
	public static final String OTHER_ERROR_CODE = "other";

	private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final String operation;

	private final String baseUrl;

	private final String uriTemplate;

	private volatile @Nullable String errorCode;

	/**
	 * Creates the tags of one attempt.
	 * @param operation Blooio's operation id, e.g. {@code sendMessage}
	 * @param baseUrl the base URL the call goes to
	 * @param uriTemplate the path template, e.g. {@code /chats/{chatId}/messages}
	 */
	public ApiCallTags(String operation, String baseUrl, String uriTemplate) {
		this.operation = operation;
		this.baseUrl = baseUrl;
		this.uriTemplate = uriTemplate;
	}

	/**
	 * Returns the tags of a request, if it is a Blooio call.
	 * @param request the request
	 * @return the tags, or {@code null} for any other request
	 */
	public static @Nullable ApiCallTags of(ClientRequest request) {
		return (request.attributes().get(ATTRIBUTE) instanceof ApiCallTags tags) ? tags : null;
	}

	/**
	 * Returns the operation id, e.g. {@code sendMessage}.
	 * @return the operation id
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Returns the base URL followed by the path template, e.g.
	 * {@code https://backend.blooio.com/v2/api/chats/{chatId}/messages}.
	 * @return the URL template
	 */
	public String urlTemplate() {
		return this.baseUrl + this.uriTemplate;
	}

	/**
	 * Records Blooio's {@code code} from an error body; anything that is not a short
	 * identifier is recorded as {@value #OTHER_ERROR_CODE}, so free text never becomes a
	 * tag.
	 * @param code the code from the error body, or {@code null}
	 */
	public void errorCode(@Nullable String code) {
		if (code == null || code.isEmpty()) {
			this.errorCode = null;
		}
		else {
			this.errorCode = ERROR_CODE.matcher(code).matches() ? code : OTHER_ERROR_CODE;
		}
	}

	/**
	 * Returns the recorded error code, or {@value #NO_ERROR_CODE}.
	 * @return the error code
	 */
	public String errorCode() {
		String code = this.errorCode;
		return (code != null) ? code : NO_ERROR_CODE;
	}

}
