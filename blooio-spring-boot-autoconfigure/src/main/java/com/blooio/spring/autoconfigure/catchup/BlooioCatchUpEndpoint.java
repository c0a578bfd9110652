package com.blooio.spring.autoconfigure.catchup;

import java.time.Duration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import com.blooio.spring.webhook.catchup.BlooioEventCatchUp;
import com.blooio.spring.webhook.catchup.CatchUpResult;

/**
 * Actuator endpoint that catches up on Blooio events missed during an outage:
 * {@code POST /actuator/blooiocatchup} reads the v4 event feed since the checkpoint,
 * publishes what was missed, and answers what it did. Expose it like any other endpoint
 * ({@code management.endpoints.web.exposure.include=blooiocatchup}) and secure it.
 *
 * @since 0.1.0
 */
@Endpoint(id = "blooiocatchup")
public class BlooioCatchUpEndpoint {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final BlooioEventCatchUp catchUp;

	/**
	 * Creates the endpoint.
	 * @param catchUp the catch-up it runs
	 */
	public BlooioCatchUpEndpoint(BlooioEventCatchUp catchUp) {
		this.catchUp = catchUp;
	}

	/**
	 * Catches up now.
	 * @return what was done
	 */
	@WriteOperation
	public CatchUpResult catchUp() {
		return this.catchUp.catchUp().block(TIMEOUT);
	}

}
