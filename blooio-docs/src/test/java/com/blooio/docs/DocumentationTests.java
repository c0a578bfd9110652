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
 * file, whole (package, imports and all), so what a reader copies compiles; and every
 * link between the documents reaches a file and heading that exist.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+) -->$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@ParameterizedTest(name = "{0}")
	@MethodSource("codeBlocks")
	void codeBlockIsTheCompiledSourceFileItNames(CodeBlock block) throws IOException {
		assertThat(block.snippet()).as("<!-- snippet: path --> before the block").isNotNull();
		Path source = ROOT.resolve(block.snippet());
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

	static Stream<CodeBlock> codeBlocks() {
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
				String language = fence.group(1);
				if (language.equals("java") || language.equals("kotlin")) {
					String code = String.join("\n", lines.subList(i + 1, end));
					blocks.add(new CodeBlock(ROOT.relativize(document) + ":" + (i + 1), snippetBefore(lines, i), code));
				}
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

	private static String snippetBefore(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				Matcher snippet = SNIPPET.matcher(lines.get(i));
				return snippet.matches() ? snippet.group(1) : null;
			}
		}
		return null;
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

	record CodeBlock(String location, String snippet, String code) {

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
