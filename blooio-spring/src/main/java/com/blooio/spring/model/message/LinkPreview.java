package com.blooio.spring.model.message;

import org.jspecify.annotations.Nullable;

/**
 * Overrides the rich link preview of a message whose whole text is one URL.
 *
 * @param imageUrl https URL of the preview image (png, jpg, webp or gif), or {@code null}
 * @param title preview title, or {@code null}
 * @since 0.1.0
 */
public record LinkPreview(@Nullable String imageUrl, @Nullable String title) {

}
