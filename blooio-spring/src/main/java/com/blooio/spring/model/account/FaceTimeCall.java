package com.blooio.spring.model.account;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to starting a FaceTime call.
 *
 * @param success whether Blooio reported success, or {@code null}
 * @param link the {@code facetime.apple.com} join link, or {@code null}
 * @param handle the called phone number or email, or {@code null}
 * @since 0.1.0
 */
public record FaceTimeCall(@Nullable Boolean success, @Nullable String link, @Nullable String handle) {

}
