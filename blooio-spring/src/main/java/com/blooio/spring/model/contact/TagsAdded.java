package com.blooio.spring.model.contact;

import java.util.List;

import com.blooio.spring.json.BlooioJson;

/**
 * Result of adding tags to a contact. Adding is idempotent on Blooio's side: a tag the
 * contact already has (or had and lost) is simply active afterwards.
 *
 * @param success whether Blooio reported success
 * @param tagsAdded the tags Blooio reports as added, never {@code null}
 * @since 0.1.0
 */
public record TagsAdded(boolean success, List<String> tagsAdded) {

	/**
	 * Normalises the tags.
	 * @param success whether Blooio reported success
	 * @param tagsAdded the tags added
	 */
	public TagsAdded {
		tagsAdded = BlooioJson.listOf(tagsAdded);
	}

}
