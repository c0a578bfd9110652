package com.example.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import com.blooio.spring.autoconfigure.webhook.security.BlooioWebhookServerSecurity;

@Configuration(proxyBeanMethods = false)
public class WebFluxSecurityConfiguration {

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, BlooioWebhookServerSecurity blooioWebhook) {
		blooioWebhook.permit(http); // before anyExchange()
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

}
