package com.blooio.spring.test.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body, parsed into its named parts: enough for the uploads
 * of group icons and chat backgrounds.
 */
final class MultipartForm {

	private static final byte[] CRLF_CRLF = { '\r', '\n', '\r', '\n' };

	private final Map<String, Part> parts;

	private MultipartForm(Map<String, Part> parts) {
		this.parts = parts;
	}

	/**
	 * Parses a body, failing with 400 unless it is {@code multipart/form-data} with a
	 * boundary.
	 */
	static MultipartForm parse(@Nullable String contentType, byte[] body) {
		String boundary = boundary(contentType);
		if (boundary == null) {
			throw ApiError.badRequest("The request body must be multipart/form-data.");
		}
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, Part> parts = new LinkedHashMap<>();
		int start = indexOf(body, delimiter, 0);
		while (start >= 0) {
			int headersStart = start + delimiter.length;
			if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
				break;
			}
			headersStart += 2;
			int headersEnd = indexOf(body, CRLF_CRLF, headersStart);
			int next = indexOf(body, delimiter, headersStart);
			if (headersEnd < 0 || next < 0 || headersEnd > next) {
				break;
			}
			String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			// the part ends with the CRLF that precedes the next delimiter
			byte[] content = Arrays.copyOfRange(body, headersEnd + CRLF_CRLF.length,
					Math.max(headersEnd + 4, next - 2));
			Part part = Part.of(headers, content);
			if (part != null) {
				parts.putIfAbsent(part.name(), part);
			}
			start = next;
		}
		return new MultipartForm(parts);
	}

	private static @Nullable String boundary(@Nullable String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.trim();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String value = trimmed.substring("boundary=".length());
				return value.startsWith("\"") ? value.replace("\"", "") : value;
			}
		}
		return null;
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * Returns a file part, failing with 400 when it is missing or empty.
	 * @param name the field name
	 * @return the part
	 */
	Part requireFile(String name) {
		Part part = this.parts.get(name);
		if (part == null || part.content().length == 0) {
			throw ApiError.badRequest("The multipart field '" + name + "' with the image file is required.");
		}
		return part;
	}

	/**
	 * One part of the form.
	 *
	 * @param name the field name
	 * @param filename the file name, or {@code null}
	 * @param contentType the part's content type, or {@code null}
	 * @param content the bytes
	 */
	record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {

		static @Nullable Part of(String headers, byte[] content) {
			String name = null;
			String filename = null;
			String contentType = null;
			for (String header : headers.split("\r\n")) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-disposition:")) {
					name = parameter(header, "name");
					filename = parameter(header, "filename");
				}
				else if (lower.startsWith("content-type:")) {
					contentType = header.substring("content-type:".length()).trim();
				}
			}
			return (name != null) ? new Part(name, filename, contentType, content) : null;
		}

		private static @Nullable String parameter(String header, String parameter) {
			for (String piece : header.split(";")) {
				String trimmed = piece.trim();
				if (trimmed.startsWith(parameter + "=")) {
					String value = trimmed.substring(parameter.length() + 1);
					return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
							? value.substring(1, value.length() - 1) : value;
				}
			}
			return null;
		}

		/**
		 * Fails with 400 unless the part is an image of at most {@code maxBytes}.
		 */
		Part requireImage(int maxBytes) {
			if (this.content.length > maxBytes) {
				throw ApiError.badRequest("The image must be at most " + (maxBytes / (1024 * 1024)) + " MB.");
			}
			if (this.contentType != null && !this.contentType.toLowerCase(Locale.ROOT).startsWith("image/")
					&& !this.contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
				throw ApiError.badRequest("The file must be an image (JPEG, PNG, GIF, WebP or HEIC).");
			}
			return this;
		}

		String mediaType() {
			return (this.contentType != null) ? this.contentType : "application/octet-stream";
		}

	}

}
