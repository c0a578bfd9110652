package com.blooio.benchmarks.outbound;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * A non-web application with the starter: Boot's {@code WebClient.Builder}, the
 * auto-configured {@code BlooioTemplate}, and one connector both are built on, sized for
 * the highest concurrency measured.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class OutboundApp {

	/** Connections in the pool, above the highest concurrency measured. */
	static final int MAX_CONNECTIONS = 512;

	@Bean
	ClientHttpConnector benchmarkConnector() {
		ConnectionProvider pool = ConnectionProvider.builder("benchmark")
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.build();
		return new ReactorClientHttpConnector(HttpClient.create(pool));
	}

}
