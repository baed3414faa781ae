package dev.outlookflow.sandbox.control;

import static dev.outlookflow.sandbox.control.ControlReplies.answering;
import static dev.outlookflow.sandbox.control.ControlReplies.body;

import dev.outlookflow.sandbox.control.ControlReplies.Refusal;
import dev.outlookflow.sandbox.control.ControlReplies.Reply;
import dev.outlookflow.sandbox.delta.DeltaControls;
import dev.outlookflow.sandbox.delta.DeltaSettings;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
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
    router.get("/_sandbox/mailboxes/:mailbox/delta").handler(answering(ctx ->
        new Reply(200, delta.describe(mailbox(ctx).ownerId()))));
    router.put("/_sandbox/mailboxes/:mailbox/delta").handler(answering(this::configure));
    router.post("/_sandbox/mailboxes/:mailbox/delta/invalidate").handler(answering(this::invalidate));
  }

  private Reply configure(RoutingContext ctx) {
    Mailbox mailbox = mailbox(ctx);
    try {
      delta.configure(mailbox.ownerId(), body(ctx));
    } catch (DeltaSettings.Invalid e) {
      throw new Refusal(400, e.field(), e.getMessage());
    }
    return new Reply(200, delta.describe(mailbox.ownerId()));
  }

  /** {@code {"folder": id or well-known name}} expires the tokens of one folder; without it, of the whole mailbox. */
  private Reply invalidate(RoutingContext ctx) {
    Mailbox mailbox = mailbox(ctx);
    Object named = body(ctx).getValue("folder");
    Optional<MailFolder> folder = named instanceof String name ? mailbox.folder(name) : Optional.empty();
    if (named != null && folder.isEmpty()) {
      throw new Refusal(404, "folder", "mailbox " + mailbox.address() + " has no folder '" + named + "'");
    }
    delta.invalidate(mailbox.ownerId(), folder.map(MailFolder::id));
    return new Reply(204, null);
  }

  private Mailbox mailbox(RoutingContext ctx) {
    return mail.mailbox(ctx.pathParam("mailbox"))
        .orElseThrow(() -> new Refusal(404, "mailbox", "no mailbox '" + ctx.pathParam("mailbox") + "'"));
  }
}
