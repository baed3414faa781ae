package dev.outlookflow.sandbox.graph;

import dev.outlookflow.sandbox.delta.DeltaPage;
import dev.outlookflow.sandbox.delta.DeltaRefusal;
import dev.outlookflow.sandbox.delta.DeltaRounds;
import dev.outlookflow.sandbox.mail.MailFolder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code GET .../mailFolders/{id}/messages/delta}: a page of the folder's delta round with an
 * {@code @odata.nextLink} ({@code $skiptoken}) or {@code @odata.deltaLink} ({@code $deltatoken}), built on
 * the address the client used; an expired token answered in the mailbox's chosen way.
 */
final class DeltaQuery {
  private static final int DEFAULT_PAGE_SIZE = 10;
  /** A link must fit a request line (the sandbox's, like most servers', holds 4,096 characters). */
  private static final int MAX_LINK = 3_500;
  private final DeltaRounds rounds;

  DeltaQuery(DeltaRounds rounds) {
    this.rounds = rounds;
  }

  MailRoutes.Reply serve(MailRoutes.MailRequest r, MailFolder folder) {
    int pageSize = r.preferences().maxPageSize().orElse(DEFAULT_PAGE_SIZE);
    String path = PublicAddress.origin(r.ctx().request()) + r.ctx().request().path();
    DeltaPage page;
    try {
      page = rounds.page(new DeltaRounds.Request(r.mailbox(), folder.id(), r.ctx().queryParams(), pageSize,
          r.immutableIds()));
    } catch (DeltaRefusal refusal) {
      refusal.restartWith().ifPresent(options -> r.ctx().response().putHeader("Location",
          path + (options.query().isEmpty() ? "" : "?" + options.query())));
      throw new GraphError(refusal.status(), refusal.code(), refusal.getMessage());
    }
    String link = path + (page.complete() ? "?%24deltatoken=" : "?%24skiptoken=") + page.token();
    if (link.length() > MAX_LINK) {
      throw GraphError.badRequest("BadRequest", "The query's options make its links longer than " + MAX_LINK
          + " characters; select fewer properties.");
    }
    JsonObject body = new JsonObject()
        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(message)")
        .put(page.complete() ? "@odata.deltaLink" : "@odata.nextLink", link);
    body.put("value", new JsonArray(page.value()));
    return new MailRoutes.Reply(200, body, r.preferences().maxPageSize().isPresent()
        ? Map.of("Preference-Applied", "odata.maxpagesize=" + pageSize) : Map.of());
  }
}
