/**
 * The account: its profile and numbers, number lookups, call forwarding and FaceTime.
 */
@NullMarked
package com.blooio.spring.model.account;

import org.jspecify.annotations.NullMarked;
