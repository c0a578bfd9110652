/**
 * HTTP plumbing that the simulator's v2 and v4 parts share: route path matching and the
 * JSON commands of the control API. Not API, may change in any release.
 */
@NullMarked
package com.blooio.spring.test.simulator.internal.http;

import org.jspecify.annotations.NullMarked;
