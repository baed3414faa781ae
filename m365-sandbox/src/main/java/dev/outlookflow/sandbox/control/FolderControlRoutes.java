package dev.outlookflow.sandbox.control;

import static dev.outlookflow.sandbox.control.ControlReplies.answering;
import static dev.outlookflow.sandbox.control.ControlReplies.body;

import dev.outlookflow.sandbox.control.ControlReplies.Refusal;
import dev.outlookflow.sandbox.control.ControlReplies.Reply;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Folders made and moved through the control API with Graph's rules (a name taken among the siblings is a
 * 409, as Graph's {@code ErrorFolderExists}), so tests lay out a mailbox as its user would, without a token.
 */
public final class FolderControlRoutes {
  private static final int MAX_NAME = 255;
  /** What a parent or destination says for the top of the folder tree (the root folder's id works too). */
  private static final String TOP = "root";

  private final MailStore mail;

  public FolderControlRoutes(MailStore mail) {
    this.mail = mail;
  }

  public void mount(Router router) {
    router.post("/_sandbox/mailboxes/:mailbox/folders").handler(answering(this::create));
    router.post("/_sandbox/mailboxes/:mailbox/folders/:folder/move").handler(answering(this::move));
  }

  /** {@code {"displayName", "parent": folder id or well-known name (none: the top)}}. */
  private Reply create(RoutingContext ctx) {
    Mailbox mailbox = mailbox(ctx);
    JsonObject body = body(ctx);
    if (!(body.getValue("displayName") instanceof String given) || given.isBlank()) {
      throw new Refusal(400, "displayName", "required, the folder's name");
    }
    if (given.length() > MAX_NAME) {
      throw new Refusal(400, "displayName", "at most " + MAX_NAME + " characters, as Exchange's folder names");
    }
    String name = given.trim();
    MailFolder created = mailbox.createFolder(folderOrTop(mailbox, body, "parent"), name)
        .orElseThrow(() -> new Refusal(409, "displayName", "a folder named '" + name + "' is already there "
            + "(Graph: ErrorFolderExists)"));
    return new Reply(201, view(mailbox, created));
  }

  /** {@code {"destination": folder id, well-known name or root}}. */
  private Reply move(RoutingContext ctx) {
    Mailbox mailbox = mailbox(ctx);
    MailFolder folder = mailbox.folder(ctx.pathParam("folder")).orElseThrow(() -> new Refusal(404, "folder",
        "no folder '" + ctx.pathParam("folder") + "' in mailbox " + mailbox.address()));
    JsonObject body = body(ctx);
    if (body.getValue("destination") == null) {
      throw new Refusal(400, "destination", "required: a folder id, a well-known name or root");
    }
    String parentId = folderOrTop(mailbox, body, "destination");
    return switch (mailbox.moveFolder(folder.id(), parentId)) {
      case MOVED -> new Reply(200, view(mailbox, mailbox.folder(folder.id()).orElseThrow()));
      case WELL_KNOWN -> throw new Refusal(400, "folder", "'" + folder.displayName() + "' is a well-known folder, "
          + "which cannot move");
      case INTO_ITSELF -> throw new Refusal(400, "destination", "a folder cannot move into itself or a folder "
          + "under it");
      case NAME_TAKEN -> throw new Refusal(409, "destination", "a folder named '" + folder.displayName()
          + "' is already there (Graph: ErrorFolderExists)");
    };
  }

  /** The id of the folder a field names, or null for the top (the field absent, root, or the root's id). */
  private static String folderOrTop(Mailbox mailbox, JsonObject body, String field) {
    Object given = body.getValue(field);
    if (given == null) {
      return null;
    }
    if (!(given instanceof String name)) {
      throw new Refusal(400, field, "must be a folder id, a well-known name or root");
    }
    if (TOP.equalsIgnoreCase(name) || mailbox.rootFolderId().equals(name)) {
      return null;
    }
    return mailbox.folder(name).map(MailFolder::id)
        .orElseThrow(() -> new Refusal(400, field, "no folder '" + name + "' in mailbox " + mailbox.address()));
  }

  private Mailbox mailbox(RoutingContext ctx) {
    return mail.mailbox(ctx.pathParam("mailbox")).orElseThrow(() -> new Refusal(404, "mailbox",
        "no mailbox '" + ctx.pathParam("mailbox") + "'"));
  }

  private static JsonObject view(Mailbox mailbox, MailFolder folder) {
    return new JsonObject().put("id", folder.id()).put("displayName", folder.displayName())
        .put("parentFolderId", folder.parentFolderId() == null ? mailbox.rootFolderId() : folder.parentFolderId());
  }
}
