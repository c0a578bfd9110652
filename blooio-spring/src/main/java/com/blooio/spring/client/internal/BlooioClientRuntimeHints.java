package com.blooio.spring.client.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import com.blooio.spring.model.DeleteResult;
import com.blooio.spring.model.Page;
import com.blooio.spring.model.Pagination;
import com.blooio.spring.model.SortOrder;
import com.blooio.spring.model.account.AccountNumber;
import com.blooio.spring.model.account.CallForwardingTicket;
import com.blooio.spring.model.account.FaceTimeCall;
import com.blooio.spring.model.account.Me;
import com.blooio.spring.model.account.PhoneNumberLocation;
import com.blooio.spring.model.account.PhoneNumberLookupResult;
import com.blooio.spring.model.chat.Chat;
import com.blooio.spring.model.chat.ChatBackground;
import com.blooio.spring.model.chat.ChatQuery;
import com.blooio.spring.model.chat.ChatReadReceipt;
import com.blooio.spring.model.chat.ChatSort;
import com.blooio.spring.model.chat.LastMessage;
import com.blooio.spring.model.chat.TypingStatus;
import com.blooio.spring.model.contact.Contact;
import com.blooio.spring.model.contact.ContactCapabilities;
import com.blooio.spring.model.contact.ContactCard;
import com.blooio.spring.model.contact.ContactCardShared;
import com.blooio.spring.model.contact.ContactCardSharing;
import com.blooio.spring.model.contact.ContactCardUpdate;
import com.blooio.spring.model.contact.ContactCardUpdated;
import com.blooio.spring.model.contact.ContactLocation;
import com.blooio.spring.model.contact.ContactQuery;
import com.blooio.spring.model.contact.ContactRef;
import com.blooio.spring.model.contact.ContactSort;
import com.blooio.spring.model.contact.ContactTag;
import com.blooio.spring.model.contact.LocationCoordinates;
import com.blooio.spring.model.contact.LocationRefresh;
import com.blooio.spring.model.contact.TagsAdded;
import com.blooio.spring.model.group.CreateGroupRequest;
import com.blooio.spring.model.group.Group;
import com.blooio.spring.model.group.GroupDeviceSync;
import com.blooio.spring.model.group.GroupIcon;
import com.blooio.spring.model.group.GroupMember;
import com.blooio.spring.model.group.GroupMemberRemoved;
import com.blooio.spring.model.group.GroupMembers;
import com.blooio.spring.model.group.GroupMembership;
import com.blooio.spring.model.group.GroupQuery;
import com.blooio.spring.model.group.GroupSort;
import com.blooio.spring.model.group.GroupUpdate;
import com.blooio.spring.model.message.Attachment;
import com.blooio.spring.model.message.DeliveryStatus;
import com.blooio.spring.model.message.Direction;
import com.blooio.spring.model.message.LinkPreview;
import com.blooio.spring.model.message.Message;
import com.blooio.spring.model.message.MessageEffect;
import com.blooio.spring.model.message.MessageFormat;
import com.blooio.spring.model.message.MessagePart;
import com.blooio.spring.model.message.MessageQuery;
import com.blooio.spring.model.message.MessageReaction;
import com.blooio.spring.model.message.MessageStatus;
import com.blooio.spring.model.message.PollResults;
import com.blooio.spring.model.message.PollSent;
import com.blooio.spring.model.message.Protocol;
import com.blooio.spring.model.message.ReactionRequest;
import com.blooio.spring.model.message.ReactionResult;
import com.blooio.spring.model.message.ReplyTo;
import com.blooio.spring.model.message.SendMessageRequest;
import com.blooio.spring.model.message.SendMessageResponse;
import com.blooio.spring.model.message.Tapback;
import com.blooio.spring.model.webhook.Webhook;
import com.blooio.spring.model.webhook.WebhookCreated;
import com.blooio.spring.model.webhook.WebhookDeleted;
import com.blooio.spring.model.webhook.WebhookLog;
import com.blooio.spring.model.webhook.WebhookLogQuery;
import com.blooio.spring.model.webhook.WebhookReplay;
import com.blooio.spring.model.webhook.WebhookSecretRotation;
import com.blooio.spring.model.webhook.WebhookType;
import com.blooio.spring.model.webhook.WebhookUpdate;
import com.blooio.spring.model.v4.DeliveryAttempt;
import com.blooio.spring.model.v4.DeliveryReplay;
import com.blooio.spring.model.v4.EventQuery;
import com.blooio.spring.model.v4.FeedEvent;
import com.blooio.spring.model.v4.MessageFeedEvent;
import com.blooio.spring.model.v4.SecretRotation;
import com.blooio.spring.model.v4.Subscription;
import com.blooio.spring.model.v4.SubscriptionCreated;
import com.blooio.spring.model.v4.SubscriptionUpdate;

/**
 * Reflection hints so that Jackson can read and write the Blooio models in a GraalVM
 * native image: every model type (nested types follow from their components), and the
 * request and response shapes private to one operation. Applications may bind the models
 * too (a controller returning a {@link Message}, for example), so the hints cover both
 * directions for every type.
 */
class BlooioClientRuntimeHints implements RuntimeHintsRegistrar {

	// BlooioClientRuntimeHintsTests finds every public model type and fails if one is
	// missing here
	private static final Class<?>[] MODEL_TYPES = { AccountNumber.class, Attachment.class, CallForwardingTicket.class,
			Chat.class, ChatBackground.class, ChatQuery.class, ChatReadReceipt.class, ChatSort.class, Contact.class,
			ContactCapabilities.class, ContactCard.class, ContactCardShared.class, ContactCardSharing.class,
			ContactCardUpdate.class, ContactCardUpdated.class, ContactLocation.class, ContactQuery.class,
			ContactRef.class, ContactSort.class, ContactTag.class, CreateGroupRequest.class, DeleteResult.class,
			DeliveryStatus.class, Direction.class, FaceTimeCall.class, Group.class, GroupDeviceSync.class,
			GroupIcon.class, GroupMember.class, GroupMemberRemoved.class, GroupMembers.class, GroupMembership.class,
			GroupQuery.class, GroupSort.class, GroupUpdate.class, LastMessage.class, LinkPreview.class,
			LocationCoordinates.class, LocationRefresh.class, Me.class, Message.class, MessageEffect.class,
			MessageFormat.class, MessagePart.class, MessageQuery.class, MessageReaction.class, MessageStatus.class,
			Page.class, Pagination.class, PhoneNumberLocation.class, PhoneNumberLookupResult.class, PollResults.class,
			PollSent.class, Protocol.class, ReactionRequest.class, ReactionResult.class, ReplyTo.class,
			SendMessageRequest.class, SendMessageResponse.class, SortOrder.class, TagsAdded.class, Tapback.class,
			TypingStatus.class, Webhook.class, WebhookCreated.class, WebhookDeleted.class, WebhookLog.class,
			WebhookLogQuery.class, WebhookReplay.class, WebhookSecretRotation.class, WebhookType.class,
			WebhookUpdate.class, Subscription.class, SubscriptionCreated.class, SubscriptionUpdate.class,
			SecretRotation.class, DeliveryAttempt.class, DeliveryReplay.class, FeedEvent.class, MessageFeedEvent.class,
			EventQuery.class };

	// records nested in the Template* classes, found by the same test
	private static final Class<?>[] OPERATION_WIRE_TYPES = { TemplateChats.PollBody.class,
			TemplateGroups.DeviceSyncEnvelope.class, TemplateGroups.MembersEnvelope.class,
			TemplateWebhooks.CreatedWire.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();
		bindingHints.registerReflectionHints(hints.reflection(), MODEL_TYPES);
		bindingHints.registerReflectionHints(hints.reflection(), OPERATION_WIRE_TYPES);
	}

}
