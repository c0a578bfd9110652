package com.blooio.spring.model.account;

import org.jspecify.annotations.Nullable;

/**
 * Blooio's answer to a call-forwarding request: a support ticket, not an immediate
 * change. The endpoint is known only from a third-party SDK and is unverified.
 *
 * @param success whether Blooio accepted the request, or {@code null}
 * @param ticketId the support ticket, or {@code null}
 * @param status the ticket status as Blooio sends it, e.g. {@code pending}, or
 * {@code null}
 * @param number the number calls are forwarded from, E.164, or {@code null}
 * @param forwardTo the number calls are forwarded to, or {@code null}
 * @since 0.1.0
 */
public record CallForwardingTicket(@Nullable Boolean success, @Nullable String ticketId, @Nullable String status,
		@Nullable String number, @Nullable String forwardTo) {

}
