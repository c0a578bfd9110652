package com.blooio.spring.webhook.signature;

/**
 * A webhook signature was rejected; {@link #getFailure()} says why. The message never
 * contains the secret, the signature or the body.
 *
 * @since 0.1.0
 */
public class WebhookSignatureException extends RuntimeException {

	private final SignatureFailure failure;

	/**
	 * Creates an exception.
	 * @param failure why the signature was rejected
	 * @param message a description safe to log
	 */
	public WebhookSignatureException(SignatureFailure failure, String message) {
		super(message);
		this.failure = failure;
	}

	/**
	 * Returns why the signature was rejected.
	 * @return the failure
	 */
	public SignatureFailure getFailure() {
		return this.failure;
	}

}
