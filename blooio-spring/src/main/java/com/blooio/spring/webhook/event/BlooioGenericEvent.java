package com.blooio.spring.webhook.event;

/**
 * A webhook event the starter has no type for, such as types Blooio adds later. Carries
 * the event name and the raw JSON: <pre class="code">
 * &#64;EventListener(condition = "#event.eventType == 'number.removed'")
 * void onVote(BlooioGenericEvent event) { ... event.getJson() ... }
 * </pre>
 *
 * @since 0.1.0
 */
public class BlooioGenericEvent extends BlooioEvent {

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param eventType the event name
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received
	 */
	public BlooioGenericEvent(Object source, String eventType, WebhookDelivery delivery, String json) {
		super(source, eventType, delivery, json);
	}

}
