package com.blooio.spring.model.contact;

import org.jspecify.annotations.Nullable;

/**
 * What to change on a number's contact card. Every field is optional; {@code null} fields
 * are not sent and stay as they are. Immutable; each method returns a copy:
 * <pre class="code">
 * ContactCardUpdate.empty().firstName("Ada").lastName("Lovelace");
 * </pre>
 *
 * @param firstName the first name, or {@code null}
 * @param lastName the last name, or {@code null}
 * @param avatar the photo, base64 JPEG (Blooio prefers JPEG) or PNG, or {@code null}
 * @param sharing the sharing settings, or {@code null}
 * @since 0.1.0
 */
public record ContactCardUpdate(@Nullable String firstName, @Nullable String lastName, @Nullable String avatar,
		@Nullable ContactCardSharing sharing) {

	/**
	 * Returns an update that changes nothing yet.
	 * @return the update
	 */
	public static ContactCardUpdate empty() {
		return new ContactCardUpdate(null, null, null, null);
	}

	/**
	 * Returns a copy with the given first name.
	 * @param firstName the first name
	 * @return the update
	 */
	public ContactCardUpdate firstName(@Nullable String firstName) {
		return new ContactCardUpdate(firstName, this.lastName, this.avatar, this.sharing);
	}

	/**
	 * Returns a copy with the given last name.
	 * @param lastName the last name
	 * @return the update
	 */
	public ContactCardUpdate lastName(@Nullable String lastName) {
		return new ContactCardUpdate(this.firstName, lastName, this.avatar, this.sharing);
	}

	/**
	 * Returns a copy with the given photo.
	 * @param avatar base64 JPEG or PNG
	 * @return the update
	 */
	public ContactCardUpdate avatar(@Nullable String avatar) {
		return new ContactCardUpdate(this.firstName, this.lastName, avatar, this.sharing);
	}

	/**
	 * Returns a copy with the given sharing settings.
	 * @param sharing the sharing settings
	 * @return the update
	 */
	public ContactCardUpdate sharing(@Nullable ContactCardSharing sharing) {
		return new ContactCardUpdate(this.firstName, this.lastName, this.avatar, sharing);
	}

	@Override
	public String toString() {
		return "ContactCardUpdate[firstName=" + this.firstName + ", lastName=" + this.lastName + ", avatar="
				+ ((this.avatar != null) ? "<present>" : null) + ", sharing=" + this.sharing + "]";
	}

}
