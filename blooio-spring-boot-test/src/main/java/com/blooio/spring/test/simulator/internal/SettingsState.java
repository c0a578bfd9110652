package com.blooio.spring.test.simulator.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The behaviour switches in effect, as set through
 * {@link com.blooio.spring.test.simulator.SimulatorSettings}.
 */
final class SettingsState {

	private final Set<String> failingChats = ConcurrentHashMap.newKeySet();

	private final Set<String> heldChats = ConcurrentHashMap.newKeySet();

	private volatile boolean readReceipts;

	private volatile boolean v2WebhookCreationRetired;

	void readReceipts(boolean readReceipts) {
		this.readReceipts = readReceipts;
	}

	boolean readReceipts() {
		return this.readReceipts;
	}

	void retireV2WebhookCreation(boolean retired) {
		this.v2WebhookCreationRetired = retired;
	}

	boolean v2WebhookCreationRetired() {
		return this.v2WebhookCreationRetired;
	}

	void failDeliveriesTo(String chatId) {
		this.failingChats.add(chatId);
	}

	boolean failsDeliveriesTo(String chatId) {
		return this.failingChats.contains(chatId);
	}

	Set<String> failingChats() {
		return Set.copyOf(this.failingChats);
	}

	void holdDeliveriesTo(String chatId) {
		this.heldChats.add(chatId);
	}

	boolean holdsDeliveriesTo(String chatId) {
		return this.heldChats.contains(chatId);
	}

	Set<String> heldChats() {
		return Set.copyOf(this.heldChats);
	}

	void reset() {
		this.failingChats.clear();
		this.heldChats.clear();
		this.readReceipts = false;
		this.v2WebhookCreationRetired = false;
	}

}
