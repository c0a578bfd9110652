package com.blooio.spring.client.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoggedBodies}.
 */
class LoggedBodiesTests {

	private static final String API_KEY = "bl_test_key";

	private final LoggedBodies bodies = new LoggedBodies(new SecretMasking(new ApiJson(), API_KEY));

	@Test
	void fieldsNamedLikeSecretsAreMaskedAtAnyDepth() {
		String rendered = render("{\"webhook\":{\"id\":\"wh_1\",\"signing_secret\":\"s3cr3t\"},"
				+ "\"items\":[{\"clientSecret\":{\"value\":\"x1\"},\"password\":\"p4ss\"}]}");
		assertThat(rendered).contains("\"id\":\"wh_1\"")
			.contains("\"signing_secret\":\"******\"")
			.contains("\"clientSecret\":\"******\"")
			.contains("\"password\":\"******\"")
			.doesNotContain("s3cr3t")
			.doesNotContain("x1")
			.doesNotContain("p4ss");
	}

	@Test
	void signingSecretsAreMaskedWhereverTheyAppear() {
		assertThat(render("[\"whsec_abc123\", {\"note\":\"rotated to whsec_def456\"}]")).contains("whsec_******")
			.doesNotContain("abc123")
			.doesNotContain("def456");
	}

	@Test
	void secretsInBodiesThatAreNotJsonAreMasked() {
		assertThat(render("error: secret=abc123 rejected, signing_secret: whsec_99, note ok"))
			.isEqualTo("error: secret=****** rejected, signing_secret: ******, note ok");
	}

	@Test
	void apiKeyIsMaskedWhereverItAppears() {
		assertThat(render("{\"note\":\"your key " + API_KEY + " is valid\"}")).doesNotContain(API_KEY)
			.contains("your key ****** is valid");
	}

	@Test
	void longBodiesAreCutShortWithTheirSize() {
		String rendered = render("{\"text\":\"" + "a".repeat(10_000) + "\"}");
		assertThat(rendered).hasSizeLessThan(LoggedBodies.MAX_LENGTH + 40).endsWith("... (10011 bytes in total)");
	}

	@Test
	void emptyBodyIsShownAsEmpty() {
		assertThat(this.bodies.response(new byte[0])).isEqualTo("(empty)");
	}

	private String render(String body) {
		return this.bodies.response(body.getBytes(StandardCharsets.UTF_8));
	}

}
