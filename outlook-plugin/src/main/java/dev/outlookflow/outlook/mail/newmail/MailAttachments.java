package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.Paths;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A new mail's attachments for its event: one request for their metadata, then, when content is wanted, one per file
 * attachment within the {@link AttachmentBounds}, one after the other. Sizes decide before anything is downloaded: a
 * file over the bounds is never fetched. Bounds, attached items and links, and an attachment deleted meanwhile (404)
 * never fail a mail: its event says in {@code attachmentsNote} what was left out. Any other failure (a 429 or 5xx
 * after the client's retries, a lost connection) fails the preparation, so that the round is tried again.
 */
final class MailAttachments {
  /** Metadata only: Graph would otherwise answer every file's content. */
  static final String LIST = "/attachments?$select=id,name,contentType,size,isInline";
  /** Exchange Online allows 250 attachments per message; more are not read. */
  static final int MAX_LISTED = 250;
  /** Room an event keeps for what its attachments' metadata and note add to the mail. */
  static final long METADATA_ROOM = 64 * 1024;

  private final AttachmentBounds bounds;

  MailAttachments(AttachmentBounds bounds) {
    this.bounds = bounds;
  }

  /** The event of a mail, {@code base}, with what {@code needs} asks of its attachments. */
  Future<NewMail> prepare(MailGraph graph, Mailbox mailbox, NewMail base, AttachmentNeeds needs) {
    return prepare(path -> graph.read(mailbox, path), base, needs);
  }

  /** The same with {@code graph} reading a path under the mailbox. */
  Future<NewMail> prepare(Function<String, Future<JsonObject>> graph, NewMail base, AttachmentNeeds needs) {
    if (!needs.metadata() || !mayHaveAttachments(base, needs)) {
      return Future.succeededFuture(base);
    }
    String message = "/messages/" + Paths.encode(base.id());
    return graph.apply(message + LIST).transform(listed -> {
      if (listed.failed()) {
        return deleted(listed.cause()) ? Future.succeededFuture(base.withAttachments(List.of(),
            needs.content() ? "The mail was deleted before its attachments were read." : null))
            : Future.failedFuture(listed.cause());
      }
      return select(graph, message, base, listed.result(), needs.content());
    });
  }

  /**
   * Whether the mail's attachments are worth a request: Graph's {@code hasAttachments} leaves inline attachments out,
   * so for their content an HTML body that refers to one ({@code cid:}) counts too; a filter needs files only.
   */
  private static boolean mayHaveAttachments(NewMail mail, AttachmentNeeds needs) {
    if (mail.hasAttachments()) {
      return true;
    }
    NewMail.Body body = mail.body();
    return needs.content() && body != null && "html".equals(body.contentType()) && body.content() != null
        && body.content().toLowerCase(Locale.ROOT).contains("cid:");
  }

  private Future<NewMail> select(Function<String, Future<JsonObject>> graph, String message, NewMail base,
      JsonObject page, boolean content) {
    AttachmentNote note = new AttachmentNote();
    List<Listed> listed = listed(page, note);
    List<MailAttachment> kept = new ArrayList<>();
    Budget budget = budget(base);
    Future<Void> chain = Future.succeededFuture();
    for (Listed item : listed) {
      chain = chain.compose(v -> {
        if (!content) {
          kept.add(item.metadata());
          return Future.succeededFuture();
        }
        if (!item.metadata().isFile()) {
          note.notFile(item.metadata());
          kept.add(item.metadata());
          return Future.succeededFuture();
        }
        return fetch(graph, message, item, budget, note).map(found -> {
          kept.add(found);
          return null;
        });
      });
    }
    return chain.map(v -> base.withAttachments(kept, content ? note.text(bounds, budget.byEvent) : null));
  }

  /** A file's content when it fits (its size told first, then as answered); else its metadata, noted. */
  private Future<MailAttachment> fetch(Function<String, Future<JsonObject>> graph, String message, Listed item,
      Budget budget, AttachmentNote note) {
    MailAttachment metadata = item.metadata();
    if (!fits(metadata, metadata.size(), budget, note)) {
      return Future.succeededFuture(metadata);
    }
    return graph.apply(message + "/attachments/" + Paths.encode(item.id())).transform(answered -> {
      if (answered.failed()) {
        if (deleted(answered.cause())) {
          note.deleted(metadata);
          return Future.succeededFuture(metadata);
        }
        return Future.failedFuture(answered.cause());
      }
      String contentBytes = answered.result().getString("contentBytes");
      if (contentBytes == null) {
        note.noContent(metadata);
        return Future.succeededFuture(metadata);
      }
      long length = decodedLength(contentBytes);
      if (!fits(metadata, length, budget, note)) {
        return Future.succeededFuture(metadata);
      }
      budget.remaining -= length;
      return Future.succeededFuture(metadata.withContent(answered.result().getString("contentId"), contentBytes));
    });
  }

  private boolean fits(MailAttachment attachment, long size, Budget budget, AttachmentNote note) {
    if (size > bounds.perAttachment()) {
      note.overEach(attachment);
      return false;
    }
    if (size > budget.remaining) {
      note.overMail(attachment);
      return false;
    }
    return true;
  }

  /** What the mail's files may add: the bound per mail, or less when the event's room is smaller. */
  private Budget budget(NewMail base) {
    long mailBytes = Json.encodeToBuffer(base).length();
    // Base64 takes 4 characters for 3 bytes.
    long room = Math.max(0, (bounds.eventBytes() - mailBytes - METADATA_ROOM) / 4 * 3);
    return new Budget(Math.min(room, bounds.perMail()), room < bounds.perMail());
  }

  private static List<Listed> listed(JsonObject page, AttachmentNote note) {
    JsonArray value = page.getJsonArray("value", new JsonArray());
    List<Listed> listed = new ArrayList<>();
    for (Object item : value) {
      if (item instanceof JsonObject attachment && attachment.getString("id") != null) {
        if (listed.size() == MAX_LISTED) {
          note.notRead();
        } else {
          listed.add(new Listed(attachment.getString("id"), metadata(attachment)));
        }
      }
    }
    if (page.getString("@odata.nextLink") != null) {
      note.notRead();
    }
    return listed;
  }

  private static MailAttachment metadata(JsonObject attachment) {
    Object size = attachment.getValue("size");
    return new MailAttachment(attachment.getString("name"), attachment.getString("contentType"),
        size instanceof Number number ? number.longValue() : 0, Boolean.TRUE.equals(attachment.getValue("isInline")),
        null, kind(attachment.getString("@odata.type")), null);
  }

  /** Graph names the derived type of each attachment; one it does not name is taken as a file, the common case. */
  private static String kind(String odataType) {
    if (odataType == null) {
      return MailAttachment.FILE;
    }
    String type = odataType.toLowerCase(Locale.ROOT);
    if (type.endsWith("itemattachment")) {
      return MailAttachment.ITEM;
    }
    return type.endsWith("referenceattachment") ? MailAttachment.REFERENCE : MailAttachment.FILE;
  }

  private static long decodedLength(String base64) {
    String trimmed = base64.strip();
    long padding = trimmed.endsWith("==") ? 2 : trimmed.endsWith("=") ? 1 : 0;
    return trimmed.length() / 4L * 3 - padding;
  }

  private static boolean deleted(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof GraphException graph) {
        return graph.status() == 404;
      }
    }
    return false;
  }

  /** An attachment as listed: its id, to fetch it by, and its metadata for the event. */
  private record Listed(String id, MailAttachment metadata) {}

  /** What one mail's files may still add; {@code byEvent}: the event's room, not the bound per mail, set it. */
  private static final class Budget {
    private long remaining;
    private final boolean byEvent;

    private Budget(long remaining, boolean byEvent) {
      this.remaining = remaining;
      this.byEvent = byEvent;
    }
  }
}
