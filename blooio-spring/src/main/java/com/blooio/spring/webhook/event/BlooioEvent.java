package com.blooio.spring.webhook.event;

import org.springframework.context.ApplicationEvent;

/**
 * Base class of every event published for a Blooio webhook. Listen for this type to see
 * all of them: <pre class="code">
 * &#64;EventListener
 * void on(BlooioEvent event) { ... }
 * </pre> Listeners run before Blooio gets its answer: when one throws, Blooio is told to
 * deliver again.
 *
 * @since 0.1.0
 */
public abstract class BlooioEvent extends ApplicationEvent {

	private final String eventType;

	private final WebhookDelivery delivery;

	private final String json;

	/**
	 * Creates an event.
	 * @param source the component that published the event
	 * @param eventType the event name, e.g. {@code message.received}
	 * @param delivery how the event arrived
	 * @param json the event's JSON as received (the {@code data} object of a v4 envelope)
	 */
	protected BlooioEvent(Object source, String eventType, WebhookDelivery delivery, String json) {
		super(source);
		this.eventType = eventType;
		this.delivery = delivery;
		this.json = json;
	}

	/**
	 * Returns the event name, lower case, e.g. {@code message.received}.
	 * @return the event name
	 */
	public String getEventType() {
		return this.eventType;
	}

	/**
	 * Returns how the event arrived: replay flag, original event id, signature time.
	 * @return the delivery
	 */
	public WebhookDelivery getDelivery() {
		return this.delivery;
	}

	/**
	 * Returns the event's JSON as received, for fields this class does not model.
	 * @return the JSON text
	 */
	public String getJson() {
		return this.json;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{eventType=" + this.eventType + ", delivery=" + this.delivery + "}";
	}

}
