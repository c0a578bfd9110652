package com.blooio.spring.autoconfigure.webhook.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * Lets Blooio's webhook deliveries through a servlet application's own
 * {@link HttpSecurity} chain. Blooio cannot log in or send a CSRF token; the endpoint
 * authenticates each delivery by its signature instead. Auto-configured while the webhook
 * endpoint is active; call it in the chain, before {@code anyRequest()}:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityFilterChain security(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
 *     blooioWebhook.permit(http);
 *     http.authorizeHttpRequests((requests) -&gt; requests.anyRequest().authenticated());
 *     return http.build();
 * }
 * </pre>
 *
 * Only {@code POST} requests to the webhook path are exempted; everything else in the
 * chain is left as the application configures it.
 *
 * @see #permit(HttpSecurity)
 * @since 0.1.0
 */
public final class BlooioWebhookSecurity {

	private final RequestMatcher requestMatcher;

	/**
	 * Creates the exemption for the webhook endpoint at the given path.
	 * @param requestMatchers the builder of the application's path matchers: Spring Boot
	 * registers one that knows {@code spring.mvc.servlet.path};
	 * {@link PathPatternRequestMatcher#withDefaults()} without a servlet path
	 * @param path the webhook path ({@code blooio.webhook.path}), relative to the context
	 * and servlet paths
	 */
	public BlooioWebhookSecurity(PathPatternRequestMatcher.Builder requestMatchers, String path) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.requestMatcher = requestMatchers.matcher(HttpMethod.POST, path);
	}

	/**
	 * Exempts webhook deliveries from CSRF protection and permits them without
	 * authentication. Must be called before the chain's {@code anyRequest()} rule (called
	 * after it, the chain fails to build). Meant for chains that authorize requests
	 * themselves: Spring Security denies requests that no rule matches. Leaves CSRF
	 * protection off when the chain has already disabled it.
	 * @param http the application's security builder
	 * @return {@code http}, for further configuration
	 */
	public HttpSecurity permit(HttpSecurity http) {
		CsrfConfigurer<?> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			csrf.ignoringRequestMatchers(this.requestMatcher);
		}
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers(this.requestMatcher).permitAll());
	}

	/**
	 * Returns the matcher of webhook deliveries, {@code POST} requests to the webhook
	 * path, for chains that compose their own rules.
	 * @return the webhook request matcher
	 */
	public RequestMatcher requestMatcher() {
		return this.requestMatcher;
	}

	@Override
	public String toString() {
		return "BlooioWebhookSecurity{" + this.requestMatcher + "}";
	}

}
