package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.mail.StoredMessage;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drafts and sending as Exchange does them: Send As and Send on Behalf decide {@code from} and
 * {@code sender}; mail to the sandbox's mailboxes lands in their Inbox, mail to anyone else in the
 * outbox; a copy goes to Sent Items of the mailbox that sent it.
 */
final class Sending {
  /** Exchange Online's default maximum message size. */
  static final long MAX_MESSAGE_BYTES = 35L * 1024 * 1024;
  private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final MailStore store;
  private final SandboxState state;
  private final MailDelivery delivery;

  Sending(MailStore store, SandboxState state, MailDelivery delivery) {
    this.store = store;
    this.state = state;
    this.delivery = delivery;
  }

  /** Graph's checks of a message as given: custom headers start with x-, attachments have name and content. */
  static void check(JsonObject message) {
    for (Object header : message.getJsonArray("internetMessageHeaders", new JsonArray())) {
      String name = header instanceof JsonObject h ? h.getString("name", "") : "";
      if (!name.toLowerCase(Locale.ROOT).startsWith("x-")) {
        throw GraphError.badRequest("InvalidInternetMessageHeader",
            "The internet message header name '" + name + "' should start with 'x-' or 'X-'.");
      }
    }
    for (Object attachment : message.getJsonArray("attachments", new JsonArray())) {
      checkAttachment(attachment instanceof JsonObject a ? a : new JsonObject());
    }
  }

  static void checkAttachment(JsonObject attachment) {
    if (attachment.getString("name") == null || attachment.getString("contentBytes") == null) {
      throw GraphError.badRequest("ErrorInvalidParameter", "A file attachment needs a name and contentBytes.");
    }
    try {
      java.util.Base64.getDecoder().decode(attachment.getString("contentBytes"));
    } catch (IllegalArgumentException e) {
      throw GraphError.badRequest("ErrorInvalidParameter", "contentBytes is not valid base64.");
    }
  }

  StoredMessage draft(MailRoutes.MailRequest r, JsonObject given, MailFolder folder) {
    check(given);
    JsonObject from = given.getJsonObject("from");
    Instant now = now();
    return r.mailbox().add(folder.id(), Messages.resource(given, from, null, true, now), now);
  }

  MailRoutes.Reply sendMail(MailRoutes.MailRequest r) {
    String contentType = String.valueOf(r.ctx().request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
    Instant now = now();
    if (contentType.startsWith("text/plain")) {
      JsonObject sent = submit(r, Mime.message(r.ctx().body().asString()), now);
      r.mailbox().add(r.mailbox().folder("sentitems").orElseThrow().id(), sent.copy().put("isRead", true), now);
      return new MailRoutes.Reply(202, null);
    }
    JsonObject body = r.body();
    JsonObject message = body.getJsonObject("message", body.getJsonObject("Message"));
    if (message == null) {
      throw GraphError.badRequest("ErrorInvalidParameter", "The message parameter is required.");
    }
    Object save = body.getValue("saveToSentItems", body.getValue("SaveToSentItems", true));
    boolean saveToSentItems = !(Boolean.FALSE.equals(save) || "false".equalsIgnoreCase(String.valueOf(save)));
    JsonObject sent = submit(r, message, now);
    if (saveToSentItems) {
      JsonObject copy = sent.copy().put("isRead", true);
      r.mailbox().add(r.mailbox().folder("sentitems").orElseThrow().id(), copy, now);
    }
    return new MailRoutes.Reply(202, null);
  }

  /** Sends a draft: it moves to Sent Items of the mailbox that held it, keeping its immutable id. */
  MailRoutes.Reply sendDraft(MailRoutes.MailRequest r, StoredMessage draft) {
    if (!draft.resource().getBoolean("isDraft", false)) {
      throw GraphError.badRequest("ErrorInvalidOperation", "Only a draft can be sent.");
    }
    JsonObject sent = submit(r, draft.resource(), now());
    // Not journaled: the move to Sent Items that follows is what its folders' delta rounds answer.
    r.mailbox().change(draft, java.util.Set.of(), resource -> resource.mergeIn(new JsonObject().put("isDraft", false)
        .put("isRead", true).put("sentDateTime", sent.getString("sentDateTime")).put("from", sent.getJsonObject("from"))
        .put("sender", sent.getJsonObject("sender"))));
    r.mailbox().move(draft, r.mailbox().folder("sentitems").orElseThrow().id());
    return new MailRoutes.Reply(202, null);
  }

  /**
   * Checks and delivers a message, sent and received {@code now} (one instant, so that a message's stored time
   * and the time its folder is ordered by agree); answers the sent resource.
   */
  private JsonObject submit(MailRoutes.MailRequest r, JsonObject message, Instant now) {
    check(message);
    List<String> recipients = recipients(message);
    checkSize(message);
    JsonObject[] fromAndSender = fromAndSender(r, message);
    JsonObject sent = Messages.resource(message, fromAndSender[0], fromAndSender[1], false, now);
    if (message.getString("internetMessageId") != null) {
      // A draft got its Message-ID when it was created, and keeps it when sent.
      sent.put("internetMessageId", message.getString("internetMessageId"));
    }
    for (String address : recipients) {
      Optional<Mailbox> mailbox = store.mailbox(address);
      if (mailbox.isPresent()) {
        JsonObject delivered = Messages.resource(message, fromAndSender[0], fromAndSender[1], false, now);
        // Recipients never see the Bcc line, as in Exchange; only the sender's copy keeps it. Exchange delivers
        // unread, whatever the draft said (a draft is read by whoever wrote it).
        delivered.put("internetMessageId", sent.getString("internetMessageId"))
            .put("conversationId", sent.getString("conversationId")).put("bccRecipients", new JsonArray())
            .put("isRead", false);
        delivery.deliver(mailbox.get(), mailbox.get().folder("inbox").orElseThrow().id(), delivered, now);
      } else {
        store.recordExternal(sent.copy().put("deliveredTo", address));
      }
    }
    return sent;
  }

  private static List<String> recipients(JsonObject message) {
    List<String> all = new ArrayList<>();
    for (String field : List.of("toRecipients", "ccRecipients", "bccRecipients")) {
      for (Object entry : message.getJsonArray(field, new JsonArray())) {
        String address = entry instanceof JsonObject recipient
            ? recipient.getJsonObject("emailAddress", new JsonObject()).getString("address", "")
            : "";
        if (!ADDRESS.matcher(address).matches()) {
          throw GraphError.badRequest("ErrorInvalidRecipients", "At least one recipient isn't valid., Recipient '"
              + address + "' is not resolved. All recipients must be resolved before a message can be submitted.");
        }
        all.add(address.toLowerCase(Locale.ROOT));
      }
    }
    if (all.isEmpty()) {
      throw GraphError.badRequest("ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be "
          + "sent because it contains no recipients.");
    }
    return all;
  }

  private static void checkSize(JsonObject message) {
    long size = message.getJsonObject("body", new JsonObject()).getString("content", "").length();
    for (Object attachment : message.getJsonArray("attachments", new JsonArray())) {
      if (attachment instanceof JsonObject file) {
        size += file.getString("contentBytes", "").length() * 3L / 4;
      }
    }
    if (size > MAX_MESSAGE_BYTES) {
      throw GraphError.badRequest("ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.");
    }
  }

  /**
   * Who the message is from and who sent it. Sending from another mailbox needs Send As (sender is
   * that mailbox) or Send on Behalf (sender is the user); an app sends only as the mailbox it uses.
   */
  private JsonObject[] fromAndSender(MailRoutes.MailRequest r, JsonObject message) {
    Mailbox mailbox = r.mailbox();
    String fromAddress = Optional.ofNullable(message.getJsonObject("from"))
        .map(f -> f.getJsonObject("emailAddress", new JsonObject()).getString("address"))
        .orElse(mailbox.address());
    JsonObject mailboxAddress = Messages.recipient(mailbox.address(), mailbox.displayName());
    Optional<Seed.User> user = r.caller().user();
    if (user.isEmpty() || user.get().id().equals(mailbox.ownerId())) {
      if (!fromAddress.equalsIgnoreCase(mailbox.address())) {
        return sendingAs(r, fromAddress);
      }
      return new JsonObject[] {mailboxAddress, mailboxAddress};
    }
    if (!fromAddress.equalsIgnoreCase(mailbox.address())) {
      throw sendAsDenied();
    }
    return onBehalfOrAs(r, mailbox, user.get());
  }

  private JsonObject[] sendingAs(MailRoutes.MailRequest r, String fromAddress) {
    Optional<Seed.User> user = r.caller().user();
    Seed.SharedMailbox shared = r.caller().tenant().sharedMailboxes().stream()
        .filter(s -> s.userPrincipalName().equalsIgnoreCase(fromAddress)).findFirst()
        .orElseThrow(Sending::sendAsDenied);
    if (user.isEmpty()) {
      throw sendAsDenied();
    }
    Mailbox from = store.mailbox(shared.id()).orElseThrow(Sending::sendAsDenied);
    return onBehalfOrAs(r, from, user.get());
  }

  /** Delegated sending from another mailbox needs Mail.Send.Shared, then Send As or Send on Behalf. */
  private static JsonObject[] onBehalfOrAs(MailRoutes.MailRequest r, Mailbox from, Seed.User user) {
    if (!r.caller().scopes().contains("Mail.Send.Shared")) {
      throw GraphError.accessDenied();
    }
    List<String> rights = MailAccess.rights(r.caller().tenant(), from, user);
    JsonObject fromAddress = Messages.recipient(from.address(), from.displayName());
    if (rights.contains("SendAs")) {
      return new JsonObject[] {fromAddress, fromAddress};
    }
    if (rights.contains("SendOnBehalf")) {
      return new JsonObject[] {fromAddress, Messages.recipient(user.userPrincipalName(), user.displayName())};
    }
    throw sendAsDenied();
  }

  private static GraphError sendAsDenied() {
    return new GraphError(403, "ErrorSendAsDenied", "The user account which was used to submit this request does "
        + "not have the right to send mail on behalf of the specified sending account. Cannot submit message.");
  }

  private Instant now() {
    return state.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
