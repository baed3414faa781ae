package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.mail.StoredMessage;
import dev.outlookflow.sandbox.state.SandboxState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Control API for mail: deliver mail from anyone, at any time, read what a folder and the outbox hold. */
public final class MailControlRoutes {
  /** Where mail is delivered; its bodies may be larger than Graph's (see {@code Sandbox}). */
  public static final String DELIVERY = "/_sandbox/mailboxes/:mailbox/folders/:folder/messages";
  /** Graph's Edm.DateTimeOffset holds four-digit years. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  private final MailStore mail;
  private final SandboxState state;
  private final MailDelivery delivery;

  public MailControlRoutes(MailStore mail, SandboxState state, MailDelivery delivery) {
    this.mail = mail;
    this.state = state;
    this.delivery = delivery;
  }

  public void mount(Router router) {
    router.post(DELIVERY).handler(this::deliver);
    router.get("/_sandbox/mailboxes/:mailbox/folders/:folder/messages").handler(this::list);
    router.post("/_sandbox/mailboxes/:mailbox/messages/:id/move").handler(this::move);
    router.delete("/_sandbox/mailboxes/:mailbox/messages/:id").handler(this::delete);
    router.get("/_sandbox/outbox").handler(ctx -> json(ctx, 200, new JsonObject().put("value",
        new JsonArray(mail.outbox().stream().map(m -> Messages.inWholeSeconds(m.copy())).toList()))));
  }

  /**
   * Delivers a Graph-shaped message ({@code from} may be anyone, outside the tenant too), unread, received now or
   * at its {@code receivedDateTime} (any ISO-8601 instant, so that folders can be filled with older mail).
   */
  private void deliver(RoutingContext ctx) {
    Optional<Folder> target = folder(ctx);
    if (target.isEmpty()) {
      return;
    }
    JsonObject given;
    try {
      given = new JsonObject(ctx.body().asString());
    } catch (RuntimeException e) {
      json(ctx, 400, new JsonObject().put("error", "the body must be a Graph message as JSON"));
      return;
    }
    Instant received;
    try {
      Object time = given.getValue("receivedDateTime");
      received = time == null ? state.clock().instant() : Instant.parse(String.valueOf(time));
      if (received.isBefore(EARLIEST) || received.isAfter(LATEST)) {
        throw new DateTimeParseException("outside the years 0001 to 9999", String.valueOf(time), 0);
      }
    } catch (DateTimeParseException e) {
      json(ctx, 400, new JsonObject().put("error", "receivedDateTime: must be an ISO-8601 instant in the years"
          + " 0001 to 9999, such as 2024-06-05T01:41:32.400Z"));
      return;
    }
    JsonObject from = given.getJsonObject("from", Messages.recipient("someone@example.com", "Someone"));
    JsonObject resource = Messages.resource(given, from, given.getJsonObject("sender", from), false, received);
    StoredMessage stored = delivery.deliver(target.get().mailbox(), target.get().folder().id(), resource, received);
    json(ctx, 201, stored.view(true).put("restId", stored.restId()));
  }

  private void list(RoutingContext ctx) {
    folder(ctx).ifPresent(target -> {
      JsonArray value = new JsonArray();
      target.mailbox().snapshot(target.folder().id()).forEach(m -> value.add(m.view(true).put("restId", m.restId())));
      json(ctx, 200, new JsonObject().put("value", value));
    });
  }

  /** Moves a message as its owner would in Outlook: {@code {"destination": "archive" | folder id}}. */
  private void move(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mail.mailbox(ctx.pathParam("mailbox"));
    Optional<StoredMessage> message = mailbox.flatMap(m -> m.message(ctx.pathParam("id")));
    JsonObject body = ctx.body().asJsonObject();
    Optional<MailFolder> destination = mailbox.flatMap(m -> m.folder(body == null ? "" : body.getString("destination", "")));
    if (message.isEmpty() || destination.isEmpty()) {
      json(ctx, 404, new JsonObject().put("error", "no such message or destination folder"));
      return;
    }
    StoredMessage moved = mailbox.get().move(message.get(), destination.get().id());
    json(ctx, 200, moved.view(true).put("restId", moved.restId()));
  }

  /** Deletes a message for good, as emptying Deleted Items does. */
  private void delete(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mail.mailbox(ctx.pathParam("mailbox"));
    Optional<StoredMessage> message = mailbox.flatMap(m -> m.message(ctx.pathParam("id")));
    if (message.isEmpty()) {
      json(ctx, 404, new JsonObject().put("error", "no such message"));
      return;
    }
    mailbox.get().delete(message.get());
    ctx.response().setStatusCode(204).end();
  }

  private record Folder(Mailbox mailbox, MailFolder folder) {}

  private Optional<Folder> folder(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mail.mailbox(ctx.pathParam("mailbox"));
    Optional<Folder> found = mailbox.flatMap(m -> m.folder(ctx.pathParam("folder")).map(f -> new Folder(m, f)));
    if (found.isEmpty()) {
      json(ctx, 404, new JsonObject().put("error", "no mailbox '" + ctx.pathParam("mailbox") + "' with folder '"
          + ctx.pathParam("folder") + "'"));
    }
    return found;
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
