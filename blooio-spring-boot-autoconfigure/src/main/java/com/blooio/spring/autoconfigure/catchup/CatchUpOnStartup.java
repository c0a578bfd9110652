package com.blooio.spring.autoconfigure.catchup;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import com.blooio.spring.webhook.catchup.BlooioEventCatchUp;

/**
 * Catches up once the application is ready, in the background: the application serves
 * (and receives webhooks) meanwhile, and the de-duplication store keeps an event that
 * arrives both ways from reaching listeners twice.
 */
final class CatchUpOnStartup implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(CatchUpOnStartup.class);

	private final BlooioEventCatchUp catchUp;

	CatchUpOnStartup(BlooioEventCatchUp catchUp) {
		this.catchUp = catchUp;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.catchUp.catchUp().subscribe((result) -> {
		}, (failure) -> logger.warn("Blooio catch-up at start-up failed; call the blooiocatchup endpoint to"
				+ " try again (" + failure.getClass().getName() + ")", failure));
	}

}
