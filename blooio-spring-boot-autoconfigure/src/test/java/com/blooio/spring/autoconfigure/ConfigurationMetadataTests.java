package com.blooio.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata an IDE shows for {@code blooio.*}: generated from the
 * property Javadoc and merged with the hand-written additional metadata.
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read("META-INF/spring-configuration-metadata.json");

	@Test
	void everyBlooioPropertyHasADescription() {
		assertThat(blooioProperties()).isNotEmpty()
			.allSatisfy(
					(property) -> assertThat(text(property, "description")).as(text(property, "name")).isNotBlank());
	}

	@Test
	void descriptionsFollowBootWording() {
		assertThat(blooioProperties()).allSatisfy((property) -> {
			String description = text(property, "description");
			assertThat(description).as(text(property, "name"))
				.doesNotStartWith("The ")
				.doesNotStartWith("A ")
				.endsWith(".");
		});
	}

	@Test
	void booleanDescriptionsStartWithWhether() {
		assertThat(blooioProperties()).filteredOn((property) -> "java.lang.Boolean".equals(text(property, "type")))
			.isNotEmpty()
			.allSatisfy((property) -> assertThat(text(property, "description")).as(text(property, "name"))
				.startsWith("Whether"));
	}

	@Test
	void secretsHaveNoDefaultValue() {
		assertThat(blooioProperties())
			.filteredOn(
					(property) -> Set.of("blooio.api-key", "blooio.webhook.secret").contains(text(property, "name")))
			.hasSize(2)
			.allSatisfy((property) -> assertThat(property.has("defaultValue")).isFalse());
	}

	@Test
	void everyHintNamesAKnownProperty() {
		Set<String> names = blooioProperties().stream()
			.map((property) -> text(property, "name"))
			.collect(Collectors.toSet());
		assertThat(this.metadata.get("hints")).isNotEmpty()
			.allSatisfy((hint) -> assertThat(names).contains(text(hint, "name")));
	}

	@Test
	void baseUrlSuggestsBothKnownBlooioHosts() {
		JsonNode hint = hint("blooio.base-url");
		assertThat(hint.get("values")).extracting((value) -> value.get("value").asString())
			.containsExactly("https://backend.blooio.com/v2/api", "https://api.blooio.com/v2/api");
	}

	private List<JsonNode> blooioProperties() {
		List<JsonNode> properties = new ArrayList<>();
		for (JsonNode property : this.metadata.get("properties")) {
			if (text(property, "name").startsWith("blooio.")) {
				properties.add(property);
			}
		}
		return properties;
	}

	private JsonNode hint(String name) {
		for (JsonNode hint : this.metadata.get("hints")) {
			if (name.equals(text(hint, "name"))) {
				return hint;
			}
		}
		throw new AssertionError("No hint for " + name);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null) ? value.asString() : "";
	}

	private static JsonNode read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

}
