package com.blooio.spring.aot;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JacksonAnnotation;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * The reflection a type needs in a native image, as a list of what is missing from given
 * hints, so that a failing test names the member.
 */
public final class BindingHints {

	private static final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	private BindingHints() {
	}

	/**
	 * Returns what Jackson would need to read and write the type but the hints lack: the
	 * type, its fields (enum constants for an enum), the canonical constructor and
	 * accessors of a record or the getters of a class, and every method carrying a
	 * Jackson annotation ({@code @JsonCreator}, {@code @JsonValue}, ...).
	 * @param type the type
	 * @param hints the hints
	 * @return the missing hints, empty when Jackson can bind the type
	 */
	public static List<String> missingForJackson(Class<?> type, RuntimeHints hints) {
		Map<String, Predicate<RuntimeHints>> required = new LinkedHashMap<>();
		required.put("type " + type.getName(), reflection.onType(type));
		for (Field field : type.getDeclaredFields()) {
			boolean bound = type.isEnum() ? field.isEnumConstant()
					: !field.isSynthetic() && !Modifier.isStatic(field.getModifiers());
			if (bound) {
				// declared fields include the public ones, which onFieldAccess(...)
				// alone ignores
				required.put("field " + field.getName(), reflection.onFieldAccess(field)
					.or(reflection.onType(type).withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS)));
			}
		}
		if (type.isRecord()) {
			Constructor<?> canonical = canonicalConstructor(type);
			required.put("constructor " + canonical, reflection.onConstructorInvocation(canonical));
			for (RecordComponent component : type.getRecordComponents()) {
				required.put("accessor " + component.getName() + "()",
						reflection.onMethodInvocation(component.getAccessor()));
			}
		}
		else if (!type.isEnum() && !type.isInterface()) {
			for (Method method : type.getDeclaredMethods()) {
				if (isGetter(method)) {
					required.put("getter " + method.getName() + "()", reflection.onMethodInvocation(method));
				}
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (hasJacksonAnnotation(method)) {
				required.put("annotated method " + method, reflection.onMethodInvocation(method));
			}
		}
		return missing(required, hints);
	}

	/**
	 * Returns the public instance methods of the type that the hints do not let SpEL
	 * call.
	 * @param type the type
	 * @param hints the hints
	 * @return the missing hints, empty when every public method can be called
	 */
	public static List<String> missingForPublicMethodInvocation(Class<?> type, RuntimeHints hints) {
		Map<String, Predicate<RuntimeHints>> required = new LinkedHashMap<>();
		required.put("type " + type.getName(), reflection.onType(type));
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& !method.isSynthetic()) {
				required.put("method " + method, reflection.onMethodInvocation(method));
			}
		}
		return missing(required, hints);
	}

	private static List<String> missing(Map<String, Predicate<RuntimeHints>> required, RuntimeHints hints) {
		List<String> missing = new ArrayList<>();
		required.forEach((description, predicate) -> {
			if (!predicate.test(hints)) {
				missing.add(description);
			}
		});
		return missing;
	}

	private static Constructor<?> canonicalConstructor(Class<?> type) {
		Class<?>[] componentTypes = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return type.getDeclaredConstructor(componentTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isGetter(Method method) {
		if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
				|| method.getParameterCount() != 0 || method.isSynthetic()) {
			return false;
		}
		String name = method.getName();
		return (name.startsWith("get") && method.getReturnType() != void.class)
				|| (name.startsWith("is") && method.getReturnType() == boolean.class);
	}

	private static boolean hasJacksonAnnotation(Method method) {
		for (Annotation annotation : method.getDeclaredAnnotations()) {
			if (annotation.annotationType().isAnnotationPresent(JacksonAnnotation.class)) {
				return true;
			}
		}
		return false;
	}

}
