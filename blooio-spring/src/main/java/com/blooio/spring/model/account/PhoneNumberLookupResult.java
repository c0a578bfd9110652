package com.blooio.spring.model.account;

import org.jspecify.annotations.Nullable;

/**
 * What Blooio knows about one phone number. Every field may be {@code null}, e.g. for an
 * input that is not a number at all.
 *
 * @param input the number as sent
 * @param valid whether the number is valid
 * @param possible whether the number has a possible length
 * @param e164 the number in E.164, e.g. {@code +14155552671}
 * @param national the national format, e.g. {@code (415) 555-2671}
 * @param international the international format, e.g. {@code +1 415-555-2671}
 * @param countryCallingCode the country calling code, e.g. {@code 1}
 * @param country the ISO 3166 country, e.g. {@code US}
 * @param nationalNumber the national significant number
 * @param type libphonenumber's type as Blooio sends it: {@code FIXED_LINE},
 * {@code MOBILE}, {@code FIXED_LINE_OR_MOBILE}, {@code TOLL_FREE}, {@code VOIP}, ...
 * @param location where the number is registered (NANP only)
 * @param areaCode the area code (NANP)
 * @param exchange the exchange (NANP)
 * @param areaCodeRegion the region of the area code (NANP)
 * @since 0.1.0
 */
public record PhoneNumberLookupResult(@Nullable String input, @Nullable Boolean valid, @Nullable Boolean possible,
		@Nullable String e164, @Nullable String national, @Nullable String international,
		@Nullable String countryCallingCode, @Nullable String country, @Nullable String nationalNumber,
		@Nullable String type, @Nullable PhoneNumberLocation location, @Nullable String areaCode,
		@Nullable String exchange, @Nullable String areaCodeRegion) {

}
