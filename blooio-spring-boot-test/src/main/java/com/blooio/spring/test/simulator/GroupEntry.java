package com.blooio.spring.test.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group the simulator knows, created with {@code POST /groups}, by sending to a
 * comma-separated chat id, or by {@link BlooioSimulator#group}.
 *
 * @param groupId the group id, {@code grp_...}
 * @param name the name, or {@code null} for an unnamed group
 * @param members the members' phones or emails
 * @since 0.1.0
 */
public record GroupEntry(String groupId, @Nullable String name, List<String> members) {

}
