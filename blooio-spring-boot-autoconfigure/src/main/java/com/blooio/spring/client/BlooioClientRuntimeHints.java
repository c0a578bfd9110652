package com.blooio.spring.client;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import com.blooio.spring.client.model.AccountNumber;
import com.blooio.spring.client.model.Attachment;
import com.blooio.spring.client.model.CallForwardingTicket;
import com.blooio.spring.client.model.Chat;
import com.blooio.spring.client.model.ChatBackground;
import com.blooio.spring.client.model.ChatQuery;
import com.blooio.spring.client.model.ChatReadReceipt;
import com.blooio.spring.client.model.ChatSort;
import com.blooio.spring.client.model.Contact;
import com.blooio.spring.client.model.ContactCapabilities;
import com.blooio.spring.client.model.ContactCard;
import com.blooio.spring.client.model.ContactCardShared;
import com.blooio.spring.client.model.ContactCardSharing;
import com.blooio.spring.client.model.ContactCardUpdate;
import com.blooio.spring.client.model.ContactCardUpdated;
import com.blooio.spring.client.model.ContactLocation;
import com.blooio.spring.client.model.ContactQuery;
import com.blooio.spring.client.model.ContactRef;
import com.blooio.spring.client.model.ContactSort;
import com.blooio.spring.client.model.ContactTag;
import com.blooio.spring.client.model.CreateGroupRequest;
import com.blooio.spring.client.model.DeleteResult;
import com.blooio.spring.client.model.DeliveryStatus;
import com.blooio.spring.client.model.Direction;
import com.blooio.spring.client.model.FaceTimeCall;
import com.blooio.spring.client.model.Group;
import com.blooio.spring.client.model.GroupDeviceSync;
import com.blooio.spring.client.model.GroupIcon;
import com.blooio.spring.client.model.GroupMember;
import com.blooio.spring.client.model.GroupMemberRemoved;
import com.blooio.spring.client.model.GroupMembership;
import com.blooio.spring.client.model.GroupQuery;
import com.blooio.spring.client.model.GroupSort;
import com.blooio.spring.client.model.GroupUpdate;
import com.blooio.spring.client.model.LastMessage;
import com.blooio.spring.client.model.LinkPreview;
import com.blooio.spring.client.model.LocationCoordinates;
import com.blooio.spring.client.model.LocationRefresh;
import com.blooio.spring.client.model.Me;
import com.blooio.spring.client.model.Message;
import com.blooio.spring.client.model.MessageEffect;
import com.blooio.spring.client.model.MessagePart;
import com.blooio.spring.client.model.MessageQuery;
import com.blooio.spring.client.model.MessageReaction;
import com.blooio.spring.client.model.MessageStatus;
import com.blooio.spring.client.model.Page;
import com.blooio.spring.client.model.Pagination;
import com.blooio.spring.client.model.PhoneNumberLocation;
import com.blooio.spring.client.model.PhoneNumberLookupResult;
import com.blooio.spring.client.model.PollResults;
import com.blooio.spring.client.model.PollSent;
import com.blooio.spring.client.model.Protocol;
import com.blooio.spring.client.model.ReactionRequest;
import com.blooio.spring.client.model.ReactionResult;
import com.blooio.spring.client.model.ReplyTo;
import com.blooio.spring.client.model.SendMessageRequest;
import com.blooio.spring.client.model.SendMessageResponse;
import com.blooio.spring.client.model.SortOrder;
import com.blooio.spring.client.model.TagsAdded;
import com.blooio.spring.client.model.Tapback;
import com.blooio.spring.client.model.TypingStatus;
import com.blooio.spring.client.model.Webhook;
import com.blooio.spring.client.model.WebhookCreated;
import com.blooio.spring.client.model.WebhookDeleted;
import com.blooio.spring.client.model.WebhookLog;
import com.blooio.spring.client.model.WebhookLogQuery;
import com.blooio.spring.client.model.WebhookReplay;
import com.blooio.spring.client.model.WebhookSecretRotation;
import com.blooio.spring.client.model.WebhookType;
import com.blooio.spring.client.model.WebhookUpdate;

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
			GroupIcon.class, GroupMember.class, GroupMemberRemoved.class, GroupMembership.class, GroupQuery.class,
			GroupSort.class, GroupUpdate.class, LastMessage.class, LinkPreview.class, LocationCoordinates.class,
			LocationRefresh.class, Me.class, Message.class, MessageEffect.class, MessagePart.class, MessageQuery.class,
			MessageReaction.class, MessageStatus.class, Page.class, Pagination.class, PhoneNumberLocation.class,
			PhoneNumberLookupResult.class, PollResults.class, PollSent.class, Protocol.class, ReactionRequest.class,
			ReactionResult.class, ReplyTo.class, SendMessageRequest.class, SendMessageResponse.class, SortOrder.class,
			TagsAdded.class, Tapback.class, TypingStatus.class, Webhook.class, WebhookCreated.class,
			WebhookDeleted.class, WebhookLog.class, WebhookLogQuery.class, WebhookReplay.class,
			WebhookSecretRotation.class, WebhookType.class, WebhookUpdate.class };

	// records nested in the Template* classes, found by the same test
	private static final Class<?>[] OPERATION_WIRE_TYPES = { TemplateChats.PollBody.class,
			TemplateGroups.DeviceSyncEnvelope.class, TemplateWebhooks.CreatedWire.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();
		bindingHints.registerReflectionHints(hints.reflection(), MODEL_TYPES);
		bindingHints.registerReflectionHints(hints.reflection(), OPERATION_WIRE_TYPES);
	}

}
