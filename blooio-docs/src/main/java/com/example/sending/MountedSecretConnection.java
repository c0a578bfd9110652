package com.example.sending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;

@Configuration(proxyBeanMethods = false)
public class MountedSecretConnection {

	// The key from a mounted secret (Kubernetes, Docker) instead of blooio.api-key;
	// the base URLs keep their defaults, the webhook secret stays blooio.webhook.secret
	@Bean
	BlooioConnectionDetails blooioConnectionDetails() {
		return () -> read(Path.of("/run/secrets/blooio-api-key"));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
