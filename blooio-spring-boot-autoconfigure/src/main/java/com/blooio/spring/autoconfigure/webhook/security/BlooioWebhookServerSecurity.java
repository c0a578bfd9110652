package com.blooio.spring.autoconfigure.webhook.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets Blooio's webhook deliveries through a WebFlux application's own
 * {@link ServerHttpSecurity} chain. Blooio cannot log in or send a CSRF token; the
 * endpoint authenticates each delivery by its signature instead. Auto-configured while
 * the webhook endpoint is active; call it in the chain, before {@code anyExchange()}:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityWebFilterChain security(ServerHttpSecurity http, BlooioWebhookServerSecurity blooioWebhook) {
 *     blooioWebhook.permit(http);
 *     http.authorizeExchange((exchanges) -&gt; exchanges.anyExchange().authenticated());
 *     return http.build();
 * }
 * </pre>
 *
 * Only {@code POST} requests to the webhook path are exempted; everything else in the
 * chain is left as the application configures it.
 *
 * @see #permit(ServerHttpSecurity)
 * @since 0.1.0
 */
public final class BlooioWebhookServerSecurity {

	private final ServerWebExchangeMatcher exchangeMatcher;

	/**
	 * Creates the exemption for the webhook endpoint at the given path.
	 * @param path the webhook path ({@code blooio.webhook.path}), relative to the
	 * {@code spring.webflux.base-path}
	 */
	public BlooioWebhookServerSecurity(String path) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.exchangeMatcher = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, path);
	}

	/**
	 * Exempts webhook deliveries from CSRF protection and permits them without
	 * authentication. Must be called before the chain's {@code anyExchange()} rule
	 * (called after it, the chain fails to build). Meant for chains that authorize
	 * exchanges themselves: Spring Security denies exchanges that no rule matches. The
	 * CSRF exemption leaves the chain's own CSRF settings, including a custom protection
	 * matcher or CSRF being disabled, as they are.
	 * @param http the application's security builder
	 * @return {@code http}, for further configuration
	 */
	public ServerHttpSecurity permit(ServerHttpSecurity http) {
		// CsrfSpec has no "ignoring" option, and setting its protection matcher would
		// replace the application's own (or re-enable a disabled CSRF protection)
		http.addFilterBefore(new CsrfExemptionWebFilter(this.exchangeMatcher), SecurityWebFiltersOrder.CSRF);
		return http.authorizeExchange((exchanges) -> exchanges.matchers(this.exchangeMatcher).permitAll());
	}

	/**
	 * Returns the matcher of webhook deliveries, {@code POST} requests to the webhook
	 * path, for chains that compose their own rules.
	 * @return the webhook exchange matcher
	 */
	public ServerWebExchangeMatcher exchangeMatcher() {
		return this.exchangeMatcher;
	}

	@Override
	public String toString() {
		return "BlooioWebhookServerSecurity{" + this.exchangeMatcher + "}";
	}

	/**
	 * Marks webhook deliveries so that the {@link CsrfWebFilter} after it skips them.
	 */
	private static final class CsrfExemptionWebFilter implements WebFilter {

		private final ServerWebExchangeMatcher matcher;

		CsrfExemptionWebFilter(ServerWebExchangeMatcher matcher) {
			this.matcher = matcher;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return this.matcher.matches(exchange).flatMap((result) -> {
				if (result.isMatch()) {
					CsrfWebFilter.skipExchange(exchange);
				}
				return chain.filter(exchange);
			});
		}

		@Override
		public String toString() {
			return "BlooioWebhookCsrfExemption{" + this.matcher + "}";
		}

	}

}
