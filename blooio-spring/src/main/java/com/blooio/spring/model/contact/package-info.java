/**
 * Contacts: records, tags, capabilities, contact cards and shared locations.
 */
@NullMarked
package com.blooio.spring.model.contact;

import org.jspecify.annotations.NullMarked;
