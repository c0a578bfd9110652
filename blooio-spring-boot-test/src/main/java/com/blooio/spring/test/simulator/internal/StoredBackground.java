package com.blooio.spring.test.simulator.internal;

/**
 * The background image set on a chat.
 *
 * @param id the background id
 * @param url the URL the simulator serves the image at
 * @param version the version, counting up with every change of the chat's background
 */
record StoredBackground(String id, String url, int version) {

}
