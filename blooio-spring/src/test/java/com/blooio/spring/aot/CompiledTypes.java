package com.blooio.spring.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The types compiled into a main package, read from the classes directory so that a type
 * added tomorrow is checked without anyone listing it.
 */
public final class CompiledTypes {

	private CompiledTypes() {
	}

	/**
	 * Returns the public types, top-level and nested, of the package of the given class.
	 * @param member any class of the package
	 * @return the public types, sorted by name
	 */
	public static List<Class<?>> publicTypesInPackageOf(Class<?> member) {
		return typesInPackageOf(member).stream().filter(CompiledTypes::isPublicFromOutside).toList();
	}

	/**
	 * Returns every type, top-level and nested, of the package of the given class.
	 * @param member any class of the package
	 * @return the types, sorted by name
	 */
	public static List<Class<?>> typesInPackageOf(Class<?> member) {
		Path directory = directoryOf(member);
		String packageName = member.getPackageName();
		try (Stream<Path> files = Files.list(directory)) {
			List<Class<?>> types = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".class") && !name.equals("package-info.class"))
				.sorted()
				.<Class<?>>map((name) -> load(packageName + "." + name.substring(0, name.length() - 6), member))
				.filter((type) -> !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass())
				.toList();
			assertThat(types).as("types compiled into " + directory).isNotEmpty();
			return types;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isPublicFromOutside(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getEnclosingClass()) {
			if (!Modifier.isPublic(candidate.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	private static Path directoryOf(Class<?> member) {
		URL location = member.getResource(ClassUtils.getClassFileName(member));
		assertThat(location).as("class file of " + member.getName()).isNotNull();
		assertThat(location.getProtocol()).as("classes of " + member.getPackageName() + " are in a directory")
			.isEqualTo("file");
		try {
			return Path.of(location.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> load(String name, Class<?> member) {
		return ClassUtils.resolveClassName(name, member.getClassLoader());
	}

}
