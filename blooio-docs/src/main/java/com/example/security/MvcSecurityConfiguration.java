package com.example.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.blooio.spring.autoconfigure.webhook.security.BlooioWebhookSecurity;

@Configuration(proxyBeanMethods = false)
public class MvcSecurityConfiguration {

	@Bean
	SecurityFilterChain security(HttpSecurity http, BlooioWebhookSecurity blooioWebhook) {
		blooioWebhook.permit(http); // before anyRequest()
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

}
