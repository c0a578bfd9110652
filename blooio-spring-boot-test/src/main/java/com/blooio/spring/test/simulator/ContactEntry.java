package com.blooio.spring.test.simulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A contact the simulator knows, created with {@code POST /contacts} or implicitly by a
 * chat's first message.
 *
 * @param contactId the internal id, {@code ct_...}
 * @param identifier the phone (E.164) or email
 * @param name the name, or {@code null}
 * @param type {@code phone} or {@code email}
 * @param createdAt when it was created
 * @since 0.1.0
 */
public record ContactEntry(String contactId, String identifier, @Nullable String name, String type, Instant createdAt) {

}
