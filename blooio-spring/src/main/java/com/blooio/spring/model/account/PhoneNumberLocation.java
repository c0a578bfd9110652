package com.blooio.spring.model.account;

import org.jspecify.annotations.Nullable;

/**
 * Where a NANP number is registered.
 *
 * @param city the city, or {@code null}
 * @param region the region code, e.g. {@code CA}, or {@code null}
 * @param regionName the region name, e.g. {@code California}, or {@code null}
 * @since 0.1.0
 */
public record PhoneNumberLocation(@Nullable String city, @Nullable String region, @Nullable String regionName) {

}
