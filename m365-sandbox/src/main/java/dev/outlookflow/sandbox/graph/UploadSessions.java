package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.mail.StoredMessage;
import dev.outlookflow.sandbox.state.SandboxState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attachment upload sessions for files of 3 to 150 MB: a pre-authenticated upload URL that takes
 * the file in order, in chunks under 4 MiB with {@code Content-Range}, answers what it expects next,
 * and 201 with {@code Location} once complete; {@code DELETE} cancels.
 */
public final class UploadSessions {
  static final long MIN_BYTES = 3L * 1024 * 1024;
  static final long MAX_BYTES = 150L * 1024 * 1024;
  static final int MAX_CHUNK = 4 * 1024 * 1024;
  private static final Duration LIFETIME = Duration.ofHours(6);
  private static final Pattern RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+)$");

  private final SandboxState state;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  private static final class Session {
    final Mailbox mailbox;
    final String messageId;
    final String name;
    final String contentType;
    final long size;
    final Instant expires;
    final Buffer received = Buffer.buffer();

    Session(Mailbox mailbox, String messageId, String name, String contentType, long size, Instant expires) {
      this.mailbox = mailbox;
      this.messageId = messageId;
      this.name = name;
      this.contentType = contentType;
      this.size = size;
      this.expires = expires;
    }
  }

  public UploadSessions(SandboxState state) {
    this.state = state;
  }

  /** {@code POST .../messages/{id}/attachments/createUploadSession}. */
  MailRoutes.Reply create(MailRoutes.MailRequest r, StoredMessage message) {
    JsonObject item = r.body().getJsonObject("AttachmentItem", r.body().getJsonObject("attachmentItem"));
    if (item == null || item.getString("name") == null || !(item.getValue("size") instanceof Number)) {
      throw GraphError.badRequest("ErrorInvalidParameter", "AttachmentItem with name and size is required.");
    }
    long size = item.getLong("size");
    if (size < MIN_BYTES) {
      throw GraphError.badRequest("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
          "Attachment size must be greater than the minimum size.");
    }
    if (size > MAX_BYTES) {
      throw GraphError.badRequest("ErrorAttachmentSizeShouldNotBeGreaterThanMaximumSize",
          "Attachment size must be less than the maximum size.");
    }
    String id = Mailbox.newId("AAMkADSess");
    Instant expires = state.clock().instant().plus(LIFETIME);
    sessions.put(id, new Session(r.mailbox(), message.immutableId(), item.getString("name"),
        item.getString("contentType", "application/octet-stream"), size, expires));
    var request = r.ctx().request();
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes());
    return new MailRoutes.Reply(201, new JsonObject()
        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession")
        .put("uploadUrl", PublicAddress.origin(request) + "/_upload/" + id + "?authtoken=" + token)
        .put("expirationDateTime", expires.toString())
        .put("nextExpectedRanges", new JsonArray().add("0-")));
  }

  public void mount(Router router) {
    router.put("/_upload/:session").handler(this::put);
    router.get("/_upload/:session").handler(this::status);
    router.delete("/_upload/:session").handler(this::cancel);
  }

  private Session session(RoutingContext ctx) {
    if (ctx.request().getHeader("Authorization") != null) {
      throw new GraphError(401, "InvalidAuthenticationToken",
          "The upload URL is pre-authenticated: send no Authorization header.");
    }
    Session session = sessions.get(ctx.pathParam("session"));
    if (session == null || session.expires.isBefore(state.clock().instant())) {
      throw new GraphError(404, "ErrorItemNotFound", "The upload session was not found or has expired.");
    }
    return session;
  }

  private void put(RoutingContext ctx) {
    try {
      Session session = session(ctx);
      Matcher range = RANGE.matcher(String.valueOf(ctx.request().getHeader("Content-Range")));
      Buffer chunk = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
      if (!range.matches()) {
        throw GraphError.badRequest("invalidRange", "Content-Range must be bytes {start}-{end}/{total}.");
      }
      long start = Long.parseLong(range.group(1));
      long end = Long.parseLong(range.group(2));
      long total = Long.parseLong(range.group(3));
      if (chunk.length() > MAX_CHUNK) {
        throw new GraphError(413, "RequestEntityTooLarge", "A chunk must be under 4 MiB.");
      }
      if (total != session.size || start != session.received.length() || end - start + 1 != chunk.length()) {
        throw GraphError.badRequest("invalidRange", "Uploaded fragment overlaps with existing data.");
      }
      session.received.appendBuffer(chunk);
      if (session.received.length() < session.size) {
        answer(ctx, 200, progress(session));
        return;
      }
      sessions.remove(ctx.pathParam("session"));
      StoredMessage message = session.mailbox.message(session.messageId).orElseThrow(() -> new GraphError(404,
          "ErrorItemNotFound", "The specified object was not found in the store."));
      JsonObject attachment = Messages.attachment(new JsonObject().put("name", session.name)
          .put("contentType", session.contentType)
          .put("contentBytes", Base64.getEncoder().encodeToString(session.received.getBytes())), state.clock().instant());
      session.mailbox.change(message, java.util.Set.of("hasAttachments"),
          resource -> resource.put("hasAttachments", Messages.hasAttachments(resource.getJsonArray("attachments")
              .add(attachment))));
      ctx.response().setStatusCode(201)
          .putHeader("Location", PublicAddress.origin(ctx.request()) + "/v1.0/users/" + session.mailbox.ownerId()
              + "/messages/" + message.immutableId() + "/attachments/" + attachment.getString("id"))
          .putHeader("Content-Length", "0").end();
    } catch (GraphError e) {
      e.send(ctx, state.clock().instant());
    }
  }

  private void status(RoutingContext ctx) {
    try {
      answer(ctx, 200, progress(session(ctx)));
    } catch (GraphError e) {
      e.send(ctx, state.clock().instant());
    }
  }

  private void cancel(RoutingContext ctx) {
    try {
      session(ctx);
      sessions.remove(ctx.pathParam("session"));
      ctx.response().setStatusCode(204).end();
    } catch (GraphError e) {
      e.send(ctx, state.clock().instant());
    }
  }

  /** As the upload URL's service (Outlook's v2.0 API) answers: PascalCase {@code ExpirationDateTime}. */
  private static JsonObject progress(Session session) {
    return new JsonObject()
        .put("@odata.context", "https://outlook.office.com/api/v2.0/$metadata#Users('" + session.mailbox.ownerId()
            + "')/Messages('" + session.messageId + "')/AttachmentSessions/$entity")
        .put("ExpirationDateTime", session.expires.toString())
        .put("nextExpectedRanges", new JsonArray().add(String.valueOf(session.received.length())));
  }

  private static void answer(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
