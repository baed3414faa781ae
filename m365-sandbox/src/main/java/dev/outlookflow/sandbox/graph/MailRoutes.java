package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.delta.DeltaRounds;
import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import dev.outlookflow.sandbox.mail.StoredMessage;
import dev.outlookflow.sandbox.state.SandboxState;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph v1.0 mail under {@code /me} and {@code /users/{id | userPrincipalName}}: folders, messages
 * (OData lists, get, drafts, PATCH, move, DELETE), {@code sendMail} and sending drafts.
 */
public final class MailRoutes {
  private final TokenValidator tokens;
  private final MailStore store;
  private final SandboxState state;
  private final Sending sending;
  private final UploadSessions uploads;
  private final DeltaQuery delta;

  public MailRoutes(TokenValidator tokens, MailStore store, SandboxState state, UploadSessions uploads,
      MailDelivery delivery, DeltaRounds rounds) {
    this.delta = new DeltaQuery(rounds);
    this.tokens = tokens;
    this.store = store;
    this.state = state;
    this.sending = new Sending(store, state, delivery);
    this.uploads = uploads;
  }

  /** What every mail request resolves to before its operation runs. */
  record MailRequest(Caller caller, Mailbox mailbox, Preferences preferences, RoutingContext ctx) {
    boolean immutableIds() {
      return preferences.immutableIds();
    }

    JsonObject body() {
      String text = ctx.body().asString();
      if (text == null || text.isBlank()) {
        return new JsonObject();
      }
      try {
        return new JsonObject(text);
      } catch (RuntimeException e) {
        throw GraphError.badRequest("BadRequest", "Unable to read JSON request payload. Please ensure Content-Type "
            + "header is set and payload is of valid JSON format.");
      }
    }
  }

  /** An answer: status, body (none for 202 and 204) and headers of its own. */
  record Reply(int status, JsonObject body, Map<String, String> headers) {
    Reply(int status, JsonObject body) {
      this(status, body, Map.of());
    }
  }

  public void mount(Router router) {
    on(router, "GET", "/mailFolders", MailAccess.Need.READ, r -> folders(r, null));
    on(router, "POST", "/mailFolders", MailAccess.Need.WRITE, r -> createFolder(r, null));
    on(router, "GET", "/mailFolders/:folder", MailAccess.Need.READ, r -> new Reply(200, folderView(r, folder(r))));
    on(router, "GET", "/mailFolders/:folder/childFolders", MailAccess.Need.READ, r -> folders(r, folder(r).id()));
    on(router, "POST", "/mailFolders/:folder/childFolders", MailAccess.Need.WRITE, r -> createFolder(r, folder(r).id()));
    on(router, "GET", "/messages", MailAccess.Need.READ, r -> list(r, Optional.empty()));
    on(router, "GET", "/mailFolders/:folder/messages", MailAccess.Need.READ, r -> list(r, Optional.of(folder(r).id())));
    on(router, "GET", "/mailFolders/:folder/messages/delta", MailAccess.Need.READ, r -> delta.serve(r, folder(r)));
    // Graph takes the function's call syntax too; Microsoft's SDKs use it.
    on(router, "GET", "/mailFolders/:folder/messages/delta()", MailAccess.Need.READ, r -> delta.serve(r, folder(r)));
    on(router, "POST", "/messages", MailAccess.Need.WRITE, r -> draft(r, r.mailbox().folder("drafts").orElseThrow()));
    on(router, "POST", "/mailFolders/:folder/messages", MailAccess.Need.WRITE, r -> draft(r, folder(r)));
    on(router, "GET", "/messages/:id", MailAccess.Need.READ, r -> new Reply(200, shaped(r, message(r))));
    on(router, "PATCH", "/messages/:id", MailAccess.Need.WRITE, this::patch);
    on(router, "DELETE", "/messages/:id", MailAccess.Need.WRITE, this::delete);
    on(router, "POST", "/messages/:id/move", MailAccess.Need.WRITE, this::move);
    on(router, "POST", "/messages/:id/send", MailAccess.Need.SEND, r -> sending.sendDraft(r, message(r)));
    on(router, "POST", "/sendMail", MailAccess.Need.SEND, sending::sendMail);
    on(router, "POST", "/messages/:id/permanentDelete", MailAccess.Need.WRITE, this::permanentDelete);
    on(router, "GET", "/messages/:id/attachments", MailAccess.Need.READ, MailRoutes::attachments);
    on(router, "GET", "/messages/:id/attachments/:attachment", MailAccess.Need.READ,
        r -> new Reply(200, attachment(r, message(r))));
    on(router, "POST", "/messages/:id/attachments", MailAccess.Need.WRITE, this::addAttachment);
    on(router, "DELETE", "/messages/:id/attachments/:attachment", MailAccess.Need.WRITE, this::deleteAttachment);
    on(router, "POST", "/messages/:id/attachments/createUploadSession", MailAccess.Need.WRITE,
        r -> uploads.create(r, message(r)));
  }

  private static JsonObject attachment(MailRequest r, StoredMessage message) {
    String id = r.ctx().pathParam("attachment");
    return message.resource().getJsonArray("attachments").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store."));
  }

  private static Reply attachments(MailRequest r) {
    ODataQuery query = ODataQuery.parse(r.ctx().queryParams(), 1000);
    JsonArray value = new JsonArray();
    message(r).resource().getJsonArray("attachments").stream().map(JsonObject.class::cast)
        .map(a -> query.select().isEmpty() ? a.copy() : query.shape(a).put("@odata.type", a.getString("@odata.type")))
        .forEach(value::add);
    return new Reply(200, new JsonObject().put("value", value));
  }

  private Reply addAttachment(MailRequest r) {
    StoredMessage message = message(r);
    JsonObject given = r.body();
    Sending.checkAttachment(given);
    JsonObject attachment = Messages.attachment(given, state.clock().instant());
    r.mailbox().change(message, Set.of("hasAttachments"),
        resource -> resource.put("hasAttachments", Messages.hasAttachments(resource.getJsonArray("attachments")
            .add(attachment))));
    return new Reply(201, attachment);
  }

  private Reply deleteAttachment(MailRequest r) {
    StoredMessage message = message(r);
    JsonObject attachment = attachment(r, message);
    r.mailbox().change(message, Set.of("hasAttachments"), resource -> {
      JsonArray attachments = resource.getJsonArray("attachments");
      attachments.remove(attachment);
      resource.put("hasAttachments", Messages.hasAttachments(attachments));
    });
    return new Reply(204, null);
  }

  private void on(Router router, String method, String path, MailAccess.Need need, Function<MailRequest, Reply> operation) {
    Handler<RoutingContext> handler = ctx -> serve(ctx, need, operation);
    io.vertx.core.http.HttpMethod httpMethod = io.vertx.core.http.HttpMethod.valueOf(method);
    router.route(httpMethod, "/v1.0/me" + path).handler(handler);
    router.route(httpMethod, "/v1.0/users/:user" + path).handler(handler);
  }

  private void serve(RoutingContext ctx, MailAccess.Need need, Function<MailRequest, Reply> operation) {
    try {
      Caller caller = tokens.caller(ctx.request().getHeader("Authorization"));
      Mailbox mailbox = mailbox(caller, ctx.pathParam("user"));
      MailAccess.check(caller, mailbox, need);
      Preferences preferences = Preferences.of(ctx.request());
      Reply reply = operation.apply(new MailRequest(caller, mailbox, preferences, ctx));
      var response = ctx.response().setStatusCode(reply.status());
      java.util.List<String> applied = new ArrayList<>();
      if (preferences.immutableIds()) {
        applied.add("IdType=\"ImmutableId\"");
      }
      applied.addAll(reply.headers().entrySet().stream().filter(h -> h.getKey().equals("Preference-Applied"))
          .map(Map.Entry::getValue).toList());
      if (!applied.isEmpty()) {
        response.putHeader("Preference-Applied", String.join(", ", applied));
      }
      reply.headers().forEach((name, value) -> {
        if (!name.equals("Preference-Applied")) {
          response.putHeader(name, value);
        }
      });
      response.putHeader("request-id", java.util.UUID.randomUUID().toString());
      if (reply.body() == null) {
        response.end();
      } else {
        response.putHeader("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;"
            + "IEEE754Compatible=false;charset=utf-8").end(reply.body().encode());
      }
    } catch (GraphError e) {
      e.send(ctx, state.clock().instant());
    }
  }

  /** The mailbox a path names; an unlicensed user has none. */
  private Mailbox mailbox(Caller caller, String user) {
    if (user == null) {
      var me = caller.user().orElseThrow(() -> GraphError.badRequest("BadRequest",
          "/me request is only valid with delegated authentication flow."));
      return existing(me.id());
    }
    boolean known = caller.tenant().user(user).isPresent()
        || caller.tenant().sharedMailboxes().stream()
            .anyMatch(s -> s.id().equals(user) || s.userPrincipalName().equalsIgnoreCase(user));
    if (!known) {
      throw new GraphError(404, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
    }
    return existing(user);
  }

  private Mailbox existing(String idOrAddress) {
    return store.mailbox(idOrAddress).orElseThrow(() -> new GraphError(404, "MailboxNotEnabledForRESTAPI",
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise."));
  }

  private static MailFolder folder(MailRequest r) {
    String id = r.ctx().pathParam("folder");
    return r.mailbox().folder(id).orElseThrow(() -> new GraphError(404, "ErrorItemNotFound",
        "The specified object was not found in the store."));
  }

  static StoredMessage message(MailRequest r) {
    return r.mailbox().message(r.ctx().pathParam("id")).orElseThrow(() -> new GraphError(404, "ErrorItemNotFound",
        "The specified object was not found in the store."));
  }

  private Reply folders(MailRequest r, String parentId) {
    ODataQuery query = ODataQuery.parse(r.ctx().queryParams(), 10);
    List<JsonObject> all = r.mailbox().folders(parentId).stream().map(f -> folderView(r, f))
        .filter(query.filter()).toList();
    JsonArray value = new JsonArray();
    all.stream().skip(query.skip()).limit(query.top()).map(query::shape).forEach(value::add);
    JsonObject body = new JsonObject()
        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('" + r.mailbox().ownerId()
            + "')/mailFolders")
        .put("value", value);
    if (query.skip() + query.top() < all.size()) {
      body.put("@odata.nextLink", nextLink(r, query));
    }
    return new Reply(200, body);
  }

  private Reply createFolder(MailRequest r, String parentId) {
    String name = r.body().getString("displayName");
    if (name == null || name.isBlank()) {
      throw GraphError.badRequest("ErrorInvalidParameter", "The displayName of a folder is required.");
    }
    MailFolder created = r.mailbox().createFolder(parentId, name.trim()).orElseThrow(() -> new GraphError(409,
        "ErrorFolderExists", "A folder with the specified name already exists."));
    return new Reply(201, folderView(r, created));
  }

  private static JsonObject folderView(MailRequest r, MailFolder folder) {
    return new JsonObject()
        .put("id", folder.id())
        .put("displayName", folder.displayName())
        .put("parentFolderId", folder.parentFolderId() == null ? r.mailbox().rootFolderId() : folder.parentFolderId())
        .put("childFolderCount", r.mailbox().folders(folder.id()).size())
        .put("unreadItemCount", r.mailbox().count(folder.id(), true))
        .put("totalItemCount", r.mailbox().count(folder.id(), false))
        .put("isHidden", folder.hidden());
  }

  private Reply list(MailRequest r, Optional<String> folderId) {
    ODataQuery query = ODataQuery.parse(r.ctx().queryParams(), 10);
    Collection<StoredMessage> ordered = query.oldestFirst()
        ? r.mailbox().oldestFirst(folderId)
        : r.mailbox().newestFirst(folderId);
    List<JsonObject> page = new ArrayList<>();
    int skipped = 0;
    boolean more = false;
    for (StoredMessage message : ordered) {
      // The filter compares the stored times, as precise as Exchange's; the answer shows whole seconds.
      if (!query.filter().test(message.resource())) {
        continue;
      }
      if (skipped < query.skip()) {
        skipped++;
        continue;
      }
      if (page.size() == query.top()) {
        more = true;
        break;
      }
      page.add(query.shape(message.view(r.immutableIds())));
    }
    JsonObject body = new JsonObject()
        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('" + r.mailbox().ownerId()
            + "')/messages")
        .put("value", new JsonArray(new ArrayList<>(page)));
    if (more) {
      body.put("@odata.nextLink", nextLink(r, query));
    }
    return new Reply(200, body);
  }

  private static String nextLink(MailRequest r, ODataQuery query) {
    var request = r.ctx().request();
    StringBuilder link = new StringBuilder(PublicAddress.origin(request) + request.path() + "?");
    r.ctx().queryParams().forEach(entry -> {
      if (!entry.getKey().equals("$skip")) {
        link.append(java.net.URLEncoder.encode(entry.getKey(), java.nio.charset.StandardCharsets.UTF_8)).append('=')
            .append(java.net.URLEncoder.encode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
      }
    });
    return link.append("%24skip=").append(query.skip() + query.top()).toString();
  }

  private static JsonObject shaped(MailRequest r, StoredMessage message) {
    ODataQuery query = ODataQuery.parse(r.ctx().queryParams(), 10);
    return query.shape(message.view(r.immutableIds()));
  }

  private Reply draft(MailRequest r, MailFolder folder) {
    StoredMessage created = sending.draft(r, r.body(), folder);
    return new Reply(201, shaped(r, created));
  }

  private Reply patch(MailRequest r) {
    StoredMessage message = message(r);
    JsonObject changes = r.body();
    List<String> changeable = new ArrayList<>(List.of("isRead", "categories", "flag", "importance"));
    if (message.resource().getBoolean("isDraft", false)) {
      changeable.addAll(List.of("subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from"));
    }
    Set<String> changed = new LinkedHashSet<>(changeable);
    changed.retainAll(changes.fieldNames());
    r.mailbox().change(message, changed, resource -> {
      changed.forEach(field -> resource.put(field, changes.getValue(field)));
      resource.put("lastModifiedDateTime", state.clock().instant().toString());
    });
    return new Reply(200, shaped(r, message));
  }

  /** As Outlook does: into Deleted Items, and out of the mailbox when deleted from there. */
  private Reply delete(MailRequest r) {
    StoredMessage message = message(r);
    MailFolder deleted = r.mailbox().folder("deleteditems").orElseThrow();
    if (message.folderId().equals(deleted.id())) {
      r.mailbox().delete(message);
    } else {
      r.mailbox().move(message, deleted.id());
    }
    return new Reply(204, null);
  }

  /** Out of the mailbox at once, wherever the message is. */
  private Reply permanentDelete(MailRequest r) {
    r.mailbox().delete(message(r));
    return new Reply(204, null);
  }

  private Reply move(MailRequest r) {
    StoredMessage message = message(r);
    JsonObject body = r.body();
    // Graph reads action parameters case-insensitively; the SDKs send "DestinationId", as the metadata names it.
    String destination = body.getString("destinationId", body.getString("DestinationId"));
    MailFolder folder = destination == null ? null : r.mailbox().folder(destination).orElse(null);
    if (folder == null) {
      throw GraphError.badRequest("ErrorInvalidIdMalformed", "Id is malformed.");
    }
    return new Reply(201, shaped(r, r.mailbox().move(message, folder.id())));
  }
}
