package dev.outlookflow.sandbox.control;

import dev.outlookflow.sandbox.delta.DeltaControls;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Control API for delta queries: how a mailbox's tokens expire and which hazards its rounds show
 * ({@code /_sandbox/mailboxes/{m}/delta}) and invalidating tokens now; the hazards' fired counts are a
 * section of {@code /_sandbox/counters}.
 */
public final class DeltaControlRoutes {
  private final DeltaControls delta;
  private final MailStore mail;

  public DeltaControlRoutes(DeltaControls delta, MailStore mail) {
    this.delta = delta;
    this.mail = mail;
  }

  public void mount(Router router) {
    router.get("/_sandbox/mailboxes/:mailbox/delta").handler(ctx -> mailbox(ctx).ifPresent(m ->
        json(ctx, 200, delta.describe(m.ownerId()))));
    router.put("/_sandbox/mailboxes/:mailbox/delta").handler(this::configure);
    router.post("/_sandbox/mailboxes/:mailbox/delta/invalidate").handler(this::invalidate);
  }

  private void configure(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mailbox(ctx);
    if (mailbox.isEmpty()) {
      return;
    }
    try {
      delta.configure(mailbox.get().ownerId(), body(ctx));
      json(ctx, 200, delta.describe(mailbox.get().ownerId()));
    } catch (IllegalArgumentException e) {
      json(ctx, 400, new JsonObject().put("error", e.getMessage()));
    }
  }

  /** {@code {"folder": id or well-known name}} expires the tokens of one folder; without it, of the whole mailbox. */
  private void invalidate(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mailbox(ctx);
    if (mailbox.isEmpty()) {
      return;
    }
    JsonObject body;
    try {
      body = body(ctx);
    } catch (IllegalArgumentException e) {
      json(ctx, 400, new JsonObject().put("error", e.getMessage()));
      return;
    }
    Object named = body.getValue("folder");
    Optional<MailFolder> folder = named instanceof String name ? mailbox.get().folder(name) : Optional.empty();
    if (named != null && folder.isEmpty()) {
      json(ctx, 404, new JsonObject().put("error", "folder: mailbox " + mailbox.get().address() + " has no folder '"
          + named + "'"));
      return;
    }
    delta.invalidate(mailbox.get().ownerId(), folder.map(MailFolder::id));
    ctx.response().setStatusCode(204).end();
  }

  private Optional<Mailbox> mailbox(RoutingContext ctx) {
    Optional<Mailbox> mailbox = mail.mailbox(ctx.pathParam("mailbox"));
    if (mailbox.isEmpty()) {
      json(ctx, 404, new JsonObject().put("error", "no mailbox '" + ctx.pathParam("mailbox") + "'"));
    }
    return mailbox;
  }

  private static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
