package com.example.kotlin

import com.blooio.spring.client.BlooioOperations
import com.blooio.spring.model.message.SendMessageResponse
import com.blooio.spring.webhook.event.BlooioMessageReceivedEvent
import kotlinx.coroutines.reactor.awaitSingle
import org.springframework.context.event.EventListener
import org.springframework.stereotype.Component

@Component
class ShippingNotifications(private val blooio: BlooioOperations) {

	// From a coroutine (a suspending controller or service method)
	suspend fun shipped(phone: String, orderId: String): SendMessageResponse =
		blooio.send(phone, "Your order $orderId has shipped").awaitSingle()

	// The starter's API is annotated for null safety: Kotlin sees getChatId() as String?
	@EventListener
	fun onMessage(event: BlooioMessageReceivedEvent) {
		val chatId = event.chatId ?: return
		if (event.text?.trim().equals("stop", ignoreCase = true)) {
			blooio.send(chatId, "You will get no more updates.").block()
		}
	}

}
