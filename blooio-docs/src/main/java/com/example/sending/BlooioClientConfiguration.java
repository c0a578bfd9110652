package com.example.sending;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.blooio.spring.autoconfigure.client.BlooioWebClientCustomizer;

@Configuration(proxyBeanMethods = false)
public class BlooioClientConfiguration {

	// Applies to the Blooio client only, not to the application's other WebClients
	@Bean
	BlooioWebClientCustomizer blooioUserAgent() {
		return (builder) -> builder.defaultHeader("User-Agent", "order-service/1.0");
	}

}
