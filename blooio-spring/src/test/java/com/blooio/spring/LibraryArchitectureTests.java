package com.blooio.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import com.blooio.spring.client.BlooioTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the library's layout, checked on the compiled classes and the sources so that
 * a change that breaks them fails the build.
 */
class LibraryArchitectureTests {

	/** The most top-level types a package may hold before it should be split. */
	private static final int MAX_TYPES_PER_PACKAGE = 25;

	private static final Path SOURCES = Path.of("src/main/java");

	@Test
	void libraryClassesReferenceNothingFromSpringBoot() {
		List<String> offenders = classFiles().filter(LibraryArchitectureTests::referencesSpringBoot)
			.map((file) -> classesDirectory().relativize(file).toString())
			.toList();
		assertThat(offenders).as("library classes that reference org.springframework.boot").isEmpty();
	}

	@Test
	void springBootIsNotOnTheLibrarysTestClasspath() {
		// the library's own tests run without Boot, so they prove it works without it
		assertThat(ClassUtils.isPresent("org.springframework.boot.SpringApplication", getClass().getClassLoader()))
			.isFalse();
	}

	@Test
	void everyPackageHoldsAtMost25TopLevelTypes() {
		Map<String, Long> typesPerPackage = classFiles()
			.filter((file) -> !file.getFileName().toString().contains("$")
					&& !file.getFileName().toString().equals("package-info.class"))
			.collect(Collectors.groupingBy((file) -> classesDirectory().relativize(file.getParent()).toString(),
					TreeMap::new, Collectors.counting()));
		assertThat(typesPerPackage).isNotEmpty()
			.allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(MAX_TYPES_PER_PACKAGE));
	}

	@Test
	void everyPackageIsNullMarked() throws IOException {
		try (Stream<Path> directories = Files.walk(SOURCES)) {
			List<Path> packages = directories.filter(LibraryArchitectureTests::holdsJavaFiles).toList();
			assertThat(packages).isNotEmpty()
				.allSatisfy((directory) -> assertThat(directory.resolve("package-info.java")).exists()
					.content()
					.contains("@NullMarked"));
		}
	}

	@Test
	void everyPublicTopLevelTypeSaysSinceWhichVersion() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<Path> undocumented = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.getFileName().toString().equals("package-info.java"))
				.filter((file) -> {
					String source = read(file);
					return source.contains("\npublic ") && !source.contains("@since");
				})
				.toList();
			assertThat(undocumented).as("public types without @since").isEmpty();
		}
	}

	private static boolean holdsJavaFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch((file) -> file.toString().endsWith(".java"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean referencesSpringBoot(Path classFile) {
		// type and member references sit in the constant pool as modified UTF-8, which
		// for these ASCII names is the names themselves
		String constants = new String(readBytes(classFile), StandardCharsets.ISO_8859_1);
		return constants.contains("org/springframework/boot/") || constants.contains("org.springframework.boot.");
	}

	private static Stream<Path> classFiles() {
		try {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(classesDirectory())) {
				files = walk.filter((file) -> file.toString().endsWith(".class")).toList();
			}
			assertThat(files).as("compiled library classes").isNotEmpty();
			return files.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path classesDirectory() {
		try {
			Path templateClass = Path
				.of(BlooioTemplate.class.getResource(ClassUtils.getClassFileName(BlooioTemplate.class)).toURI());
			Path directory = templateClass;
			for (String ignored : BlooioTemplate.class.getPackageName().split("\\.")) {
				directory = directory.getParent();
			}
			return directory.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		return new String(readBytes(file), StandardCharsets.UTF_8);
	}

	private static byte[] readBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
