package com.blooio.spring.test.simulator.internal;

/**
 * An uploaded image (group icon or chat background) the simulator serves back under
 * {@code /simulator/media/}.
 *
 * @param contentType the media type it was uploaded with
 * @param content the bytes
 */
record StoredMedia(String contentType, byte[] content) {

}
