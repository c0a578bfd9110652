/**
 * The delivery mechanics that the simulator's v2 and v4 webhooks share: the delivery
 * thread with its reset rule, and the signed POST of one attempt. Not API, may change in
 * any release.
 */
@NullMarked
package com.blooio.spring.test.simulator.internal.delivery;

import org.jspecify.annotations.NullMarked;
