package com.blooio.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the README and the guides in {@code docs/} to the code the build compiles: every
 * Java or Kotlin block is preceded by {@code <!-- snippet: path -->} and is that source
 * file, whole (package, imports and all), so what a reader copies compiles; a Maven or
 * Gradle block marked {@code <!-- build script -->} names modules of this build at its
 * version; and every link between the documents reaches a file and heading that exist.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+) -->$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern GRADLE_DEPENDENCY = Pattern.compile("\"(com\\.blooio):([\\w-]+):([^\"]+)\"");

	private static final Pattern MAVEN_DEPENDENCY = Pattern.compile(
			"<groupId>(com\\.blooio)</groupId>\\s*<artifactId>([\\w-]+)</artifactId>\\s*<version>([^<]+)</version>");

	private static final String BUILD_SCRIPT = "<!-- build script -->";

	@ParameterizedTest(name = "{0}")
	@MethodSource("codeBlocks")
	void codeBlockIsTheCompiledSourceFileItNames(CodeBlock block) throws IOException {
		Matcher snippet = SNIPPET.matcher((block.marker() != null) ? block.marker() : "");
		assertThat(snippet.matches()).as("<!-- snippet: path --> before the block").isTrue();
		Path source = ROOT.resolve(snippet.group(1));
		assertThat(source).as("snippet source").isRegularFile();
		String expected = Files.readString(source, StandardCharsets.UTF_8).stripTrailing();
		assertThat(block.code()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("links")
	void linkReachesAFileAndHeadingThatExist(DocumentLink link) throws IOException {
		String target = link.target();
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		Path path = file.isEmpty() ? link.document() : link.document().getParent().resolve(file).normalize();
		assertThat(path).as("link target").exists();
		if (hash >= 0) {
			assertThat(anchors(path)).as("headings of " + ROOT.relativize(path)).contains(target.substring(hash + 1));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("buildScripts")
	void buildScriptNamesPublishedArtifactsAtTheProjectVersion(CodeBlock block) throws IOException {
		Matcher dependency = (block.language().equals("xml") ? MAVEN_DEPENDENCY : GRADLE_DEPENDENCY)
			.matcher(block.code());
		String version = projectVersion();
		int found = 0;
		while (dependency.find()) {
			found++;
			assertThat(ROOT.resolve(dependency.group(2)).resolve("pom.xml")).as(dependency.group()).isRegularFile();
			assertThat(dependency.group(3)).as(dependency.group()).isEqualTo(version);
		}
		assertThat(found).as("Blooio artifacts in the block").isPositive();
	}

	static Stream<CodeBlock> buildScripts() {
		return blocks().filter((block) -> BUILD_SCRIPT.equals(block.marker()));
	}

	static Stream<CodeBlock> codeBlocks() {
		return blocks().filter((block) -> !BUILD_SCRIPT.equals(block.marker())
				&& (block.language().equals("java") || block.language().equals("kotlin")));
	}

	private static Stream<CodeBlock> blocks() {
		List<CodeBlock> blocks = new ArrayList<>();
		for (Path document : documents()) {
			List<String> lines = lines(document);
			for (int i = 0; i < lines.size(); i++) {
				Matcher fence = FENCE.matcher(lines.get(i));
				if (!fence.matches() || fence.group(1).isEmpty()) {
					continue;
				}
				int end = i + 1;
				while (!lines.get(end).equals("```")) {
					end++;
				}
				String code = String.join("\n", lines.subList(i + 1, end));
				blocks.add(new CodeBlock(ROOT.relativize(document) + ":" + (i + 1), fence.group(1),
						markerBefore(lines, i), code));
				i = end;
			}
		}
		return blocks.stream();
	}

	static Stream<DocumentLink> links() {
		List<DocumentLink> links = new ArrayList<>();
		for (Path document : documents()) {
			boolean inCode = false;
			for (String line : lines(document)) {
				if (line.startsWith("```")) {
					inCode = !inCode;
				}
				Matcher link = LINK.matcher(line);
				while (!inCode && link.find()) {
					String target = link.group(1);
					if (!target.contains("://") && !target.startsWith("mailto:")) {
						links.add(new DocumentLink(document, target));
					}
				}
			}
		}
		return links.stream();
	}

	/** The line before a block, when it is an HTML comment. */
	private static String markerBefore(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				String line = lines.get(i).trim();
				return (line.startsWith("<!--") && line.endsWith("-->")) ? line : null;
			}
		}
		return null;
	}

	private static String projectVersion() throws IOException {
		String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
		Matcher version = Pattern
			.compile("<artifactId>blooio-spring-boot-parent</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		assertThat(version.find()).as("the parent's version").isTrue();
		return version.group(1);
	}

	/** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens. */
	private static Set<String> anchors(Path document) {
		return lines(document).stream()
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+\\s*", "")
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'))
			.collect(Collectors.toSet());
	}

	private static List<Path> documents() {
		List<Path> documents = new ArrayList<>();
		documents.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	private static List<String> lines(Path document) {
		try {
			return Files.readAllLines(document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record CodeBlock(String location, String language, String marker, String code) {

		@Override
		public String toString() {
			return this.location;
		}

	}

	record DocumentLink(Path document, String target) {

		@Override
		public String toString() {
			return ROOT.relativize(this.document) + " -> " + this.target;
		}

	}

}
