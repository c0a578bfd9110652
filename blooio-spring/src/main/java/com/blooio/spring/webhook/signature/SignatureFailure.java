package com.blooio.spring.webhook.signature;

/**
 * Why a webhook signature was rejected. Safe to log: it never carries the secret or body.
 *
 * @since 0.1.0
 */
public enum SignatureFailure {

	/** No {@code X-Blooio-Signature} header. */
	MISSING_HEADER,

	/** The header has no timestamp or no {@code v1} signature, or is garbled. */
	MALFORMED_HEADER,

	/** No {@code v1} signature matches any configured secret. */
	BAD_SIGNATURE,

	/** The signature is genuine but its timestamp is outside the tolerance. */
	TIMESTAMP_OUT_OF_TOLERANCE

}
