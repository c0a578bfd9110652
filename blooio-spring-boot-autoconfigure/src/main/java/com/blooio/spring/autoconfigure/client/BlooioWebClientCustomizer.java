package com.blooio.spring.autoconfigure.client;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the Blooio client only, after the
 * application's own {@code WebClientCustomizer}s. Beans of this type are applied in
 * {@link org.springframework.core.Ordered order}; other clients never see these changes.
 * <p>
 * They run when the Blooio client builds its {@code WebClient}, on its first API call
 * rather than at application start-up.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BlooioWebClientCustomizer {

	/**
	 * Customizes the builder of the Blooio client.
	 * @param builder a builder used only by the Blooio client
	 */
	void customize(WebClient.Builder builder);

}
