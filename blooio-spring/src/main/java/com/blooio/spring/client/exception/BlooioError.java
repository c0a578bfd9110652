package com.blooio.spring.client.exception;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error answer from Blooio, read leniently: every field but the HTTP status may be
 * missing (HTML pages and empty bodies still make one).
 *
 * @param status the HTTP status code
 * @param code Blooio's stable machine code, e.g. {@code outbound_limit_reached}, or
 * {@code null}
 * @param error Blooio's error class, usually {@code ApiError}, or {@code null}
 * @param message Blooio's human-readable message, or {@code null}
 * @param context the error's context fields ({@code limit}, {@code current},
 * {@code mode}, ...), never {@code null}
 * @param retryAfter the wait the {@code Retry-After} header asked for, or {@code null}
 * @since 0.1.0
 */
public record BlooioError(int status, @Nullable String code, @Nullable String error, @Nullable String message,
		Map<String, @Nullable Object> context, @Nullable Duration retryAfter) {

	/**
	 * Normalises the context.
	 * @param status the HTTP status code
	 * @param code the machine code
	 * @param error the error class
	 * @param message the message
	 * @param context the context fields
	 * @param retryAfter the requested wait
	 */
	public BlooioError {
		context = (context != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(context)) : Map.of();
	}

	/**
	 * Returns an error that carries only an HTTP status.
	 * @param status the HTTP status code
	 * @return the error
	 */
	public static BlooioError ofStatus(int status) {
		return new BlooioError(status, null, null, null, Map.of(), null);
	}

	/**
	 * Returns a context field as a string.
	 * @param name the field name, e.g. {@code allocation_id}
	 * @return the value, or {@code null}
	 */
	public @Nullable String contextString(String name) {
		Object value = this.context.get(name);
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Returns a numeric context field.
	 * @param name the field name, e.g. {@code limit}
	 * @return the value, or {@code null} if absent or not a number
	 */
	public @Nullable Long contextNumber(String name) {
		Object value = this.context.get(name);
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text) {
			try {
				return Long.parseLong(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
