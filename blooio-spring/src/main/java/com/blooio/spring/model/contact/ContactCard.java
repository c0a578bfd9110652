package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * The contact card (Name &amp; Photo) of one of your sender numbers. Blooio marks the
 * endpoint "Coming Soon", so expect it to fail until Blooio enables it.
 *
 * @param phoneNumber the number, E.164, or {@code null}
 * @param firstName the first name, or {@code null}
 * @param lastName the last name, or {@code null}
 * @param name the display name, or {@code null}
 * @param avatar the photo, base64 JPEG or PNG, or {@code null}
 * @param hasWallpaper whether a wallpaper is set, or {@code null}
 * @param sharing the sharing settings, or {@code null}
 * @since 0.1.0
 */
public record ContactCard(@Nullable String phoneNumber, @Nullable String firstName, @Nullable String lastName,
		@Nullable String name, @Nullable String avatar, @Nullable Boolean hasWallpaper,
		@Nullable ContactCardSharing sharing) {

	@Override
	public String toString() {
		// the avatar may be a large base64 payload
		return "ContactCard[phoneNumber=" + this.phoneNumber + ", firstName=" + this.firstName + ", lastName="
				+ this.lastName + ", name=" + this.name + ", avatar=" + ((this.avatar != null) ? "<present>" : null)
				+ ", hasWallpaper=" + this.hasWallpaper + ", sharing=" + this.sharing + "]";
	}

}
