package com.blooio.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * Hands the simulator started before the application context to that context, by id
 * (tests may run several contexts in one JVM).
 */
final class SimulatorRegistry {

	private static final Map<String, BlooioSimulator> simulators = new ConcurrentHashMap<>();

	private SimulatorRegistry() {
	}

	static void register(String id, BlooioSimulator simulator) {
		simulators.put(id, simulator);
	}

	static @Nullable BlooioSimulator take(String id) {
		return simulators.remove(id);
	}

}
