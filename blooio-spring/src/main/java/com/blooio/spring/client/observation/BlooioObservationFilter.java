package com.blooio.spring.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import com.blooio.spring.client.BlooioTemplate;

/**
 * Adds Blooio's tags to the WebClient observations ({@code http.client.requests} by
 * default) of calls made by a {@link BlooioTemplate}; other observations pass through
 * unchanged.
 * <ul>
 * <li>{@value #OPERATION}: the operation id, e.g. {@code sendMessage};</li>
 * <li>{@value #ERROR_CODE}: Blooio's {@code code} from an error response, e.g.
 * {@code outbound_limit_reached}, or {@code none}.</li>
 * </ul>
 * Both are low-cardinality: no phone number, chat id or message text ever becomes a tag.
 * For the same reason the high-cardinality {@code http.url}, which tracing exports, is
 * replaced by the base URL followed by the path template, e.g.
 * {@code https://backend.blooio.com/v2/api/chats/{chatId}/messages}.
 * <p>
 * As a filter it runs after whichever {@code ClientRequestObservationConvention} the
 * WebClient uses, so an application's own convention keeps working. Spring Boot registers
 * it automatically; elsewhere, add it to the registry the WebClient observes with:
 * <pre class="code">
 * registry.observationConfig().observationFilter(new BlooioObservationFilter());
 * </pre>
 *
 * @since 0.1.0
 */
public final class BlooioObservationFilter implements ObservationFilter {

	/** Low-cardinality key of the Blooio operation id. */
	public static final String OPERATION = "blooio.operation";

	/** Low-cardinality key of Blooio's error code. */
	public static final String ERROR_CODE = "blooio.error.code";

	private static final String HTTP_URL = "http.url";

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ClientRequestObservationContext clientContext) {
			ClientRequest request = clientContext.getRequest();
			ApiCallTags tags = (request != null) ? ApiCallTags.of(request) : null;
			if (tags != null) {
				context.addLowCardinalityKeyValue(KeyValue.of(OPERATION, tags.operation()));
				context.addLowCardinalityKeyValue(KeyValue.of(ERROR_CODE, tags.errorCode()));
				if (context.getHighCardinalityKeyValue(HTTP_URL) != null) {
					context.addHighCardinalityKeyValue(KeyValue.of(HTTP_URL, tags.urlTemplate()));
				}
			}
		}
		return context;
	}

}
