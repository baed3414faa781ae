package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.mail.send.SendProgress.Phase;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.ActionContext;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.util.Set;

/**
 * One send, never twice: draft, attachments, send, each step recorded before it is taken. When an
 * answer is lost (a 5xx, a dropped connection, a crash), Graph's state decides what comes next: the
 * draft found by its id or, if its creation was in doubt, by the idempotency key; still a draft, it
 * is completed and sent; already sent, it is done.
 */
final class Delivery {
  /** How many answers in doubt one invocation rides out before failing the step. */
  static final int DOUBT_BUDGET = 12;
  /**
   * How many times Graph may say it does not find a draft it created before the draft counts as deleted:
   * Exchange's replicas can lag behind the one that created it, so a 404 right after creation is a doubt.
   */
  static final int LAG_BUDGET = 3;
  /** Graph's codes for an item it does not find (Exchange's, and Graph's generic one). */
  private static final Set<String> NOT_FOUND_CODES = Set.of("ErrorItemNotFound", "itemNotFound");

  private final MailGraph graph;
  private final OutgoingMail mail;
  private final SendPlan plan;
  private final ActionContext context;
  private final Uploads uploads;
  private SendProgress current;
  private int doubts;
  private int lags;

  Delivery(MailGraph graph, OutgoingMail mail, SendPlan plan, ActionContext context) {
    this.graph = graph;
    this.mail = mail;
    this.plan = plan;
    this.context = context;
    this.uploads = new Uploads(graph, plan.draftBox());
  }

  Future<SendOutput> run() {
    current = SendProgress.of(context.state().current(SendProgress.Recorded.class));
    // A step re-invoked after a crash trusts nothing it recorded as merely requested.
    return advance(current, current.phase() != Phase.NEW);
  }

  private Future<SendOutput> advance(SendProgress progress, boolean unsure) {
    if (progress.phase() == Phase.SENT) {
      return finish(progress).recover(this::doubtOrFail);
    }
    Future<SendProgress> step;
    boolean checkNext = false;
    if (progress.draftId() == null) {
      step = draft(progress);
      checkNext = progress.phase() == Phase.CREATING;
    } else if (unsure) {
      step = reconcile(progress);
    } else if (context.cancellation().isCancelled()) {
      return Future.failedFuture(cancelledBeforeSending());
    } else if (progress.attached() < mail.attachments().size()) {
      step = attach(progress);
    } else {
      step = send(progress);
    }
    boolean unsureNext = checkNext;
    return step.transform(done -> done.succeeded() ? advance(done.result(), unsureNext) : doubtOrFail(done.cause()));
  }

  /** An answer in doubt pauses, then resumes from what was recorded, unsure of it; anything else fails the send. */
  private Future<SendOutput> doubtOrFail(Throwable failure) {
    if (draftNotFound(failure) && lags < LAG_BUDGET) {
      lags++;
      context.log().info("Graph does not find the draft it created (its replicas may lag); checking it again");
      return graph.pause(failure, lags).compose(v -> advance(current, true));
    }
    if (!(MailFailures.inDoubt(failure) || failure instanceof Uploads.SessionEnded) || ++doubts > DOUBT_BUDGET) {
      return abandon(failure);
    }
    context.log().info("answer in doubt (" + describe(failure) + "); checking the draft before going on");
    return graph.pause(failure, doubts).compose(v -> advance(current, true));
  }

  /** Graph's "not found" about the draft once it exists: lag at first, a deleted draft if it lasts. */
  private boolean draftNotFound(Throwable failure) {
    return failure instanceof GraphException e && e.status() == 404 && current.draftId() != null
        && current.phase() != Phase.SENT
        && (e.graphCode() == null || NOT_FOUND_CODES.contains(e.graphCode()));
  }

  private Future<SendProgress> draft(SendProgress progress) {
    Future<String> found = progress.phase() == Phase.CREATING ? findByKey() : Future.succeededFuture(null);
    return found.compose(id -> id != null ? save(progress.drafted(id))
        : save(progress.creating())
            .compose(v -> graph.write(HttpMethod.POST, plan.draftBox(), "/messages",
                mail.draft(plan.fromHeader(), context.idempotencyKey())))
            .compose(created -> save(current.drafted(created.getString("id")))));
  }

  /**
   * Asked to stop before Graph was asked to send: nothing is sent. The draft stays, since a shutdown asks
   * the same and the step resumes from that draft at the next start; once Graph was asked to send, the
   * step completes (a mail cannot be called back).
   */
  private ExtensionException cancelledBeforeSending() {
    return new ExtensionException("cancelled", "The run was cancelled before the mail was sent: nothing was sent; "
        + "its draft stays in the Drafts of " + plan.draftBox().describe() + ".");
  }

  private Future<String> findByKey() {
    String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + OutgoingMail.KEY_PROPERTY
        + "' and ep/value eq '" + context.idempotencyKey().replace("'", "''") + "')";
    return graph.read(plan.draftBox(), "/messages?$filter=" + Paths.encode(filter) + "&$select=id&$top=1")
        .map(found -> found.getJsonArray("value", new JsonArray()).isEmpty() ? null
            : found.getJsonArray("value").getJsonObject(0).getString("id"));
  }

  /** After a doubt: is the draft still a draft, and which attachments does it hold? */
  private Future<SendProgress> reconcile(SendProgress progress) {
    String id = progress.draftId();
    return graph.read(plan.draftBox(), "/messages/" + Paths.encode(id) + "?$select=isDraft")
        .compose(message -> {
          if (!message.getBoolean("isDraft", true)) {
            return save(progress.sent(null));
          }
          if (progress.phase() == Phase.SENDING) {
            return save(progress.drafted(id).attachedCount(mail.attachments().size()));
          }
          return graph.read(plan.draftBox(), "/messages/" + Paths.encode(id) + "/attachments?$select=id,name")
              .compose(list -> save(progress.attachedCount(list.getJsonArray("value", new JsonArray()).size())));
        });
  }

  private Future<SendProgress> attach(SendProgress progress) {
    OutgoingAttachment attachment = mail.attachments().get(progress.attached());
    String path = "/messages/" + Paths.encode(progress.draftId()) + "/attachments";
    if (!attachment.needsUploadSession()) {
      return graph.write(HttpMethod.POST, plan.draftBox(), path, attachment.fileAttachment())
          .compose(v -> save(current.attachedCount(progress.attached() + 1)));
    }
    Future<String> session = progress.uploadUrl() != null ? Future.succeededFuture(progress.uploadUrl())
        : graph.write(HttpMethod.POST, plan.draftBox(), path + "/createUploadSession", attachment.attachmentItem())
            .compose(created -> save(progress.uploading(created.getString("uploadUrl"))))
            .map(saved -> saved.uploadUrl());
    return session.compose(url -> uploads.upload(url, attachment, progress.uploadUrl() != null)
            .recover(failure -> failure instanceof Uploads.SessionEnded
                ? save(current.withoutUpload()).compose(v -> Future.failedFuture(failure))
                : Future.failedFuture(failure)))
        .compose(v -> save(current.attachedCount(progress.attached() + 1)));
  }

  private Future<SendProgress> send(SendProgress progress) {
    return save(progress.sending())
        .compose(v -> graph.write(HttpMethod.POST, plan.draftBox(), "/messages/" + Paths.encode(progress.draftId()) + "/send",
            null))
        .compose(v -> save(current.sent(null)));
  }

  /** The sent message's facts for later steps; without a Sent Items copy wanted, the copy goes. */
  private Future<SendOutput> finish(SendProgress progress) {
    String path = "/messages/" + Paths.encode(progress.draftId());
    Future<SendProgress> withDetails = progress.sent() != null ? Future.succeededFuture(progress)
        : graph.read(plan.draftBox(), path + "?$select=internetMessageId,from,sender,subject,sentDateTime")
            .compose(details -> save(progress.sent(SentMessage.of(details))));
    return withDetails.compose(done -> mail.saveToSentItems() ? Future.succeededFuture(done)
        : graph.write(HttpMethod.POST, plan.draftBox(), path + "/permanentDelete", null).map(done)
            .recover(failure -> failure instanceof GraphException e && e.status() == 404
                ? Future.succeededFuture(done) : Future.failedFuture(failure)))
        .map(done -> SendOutput.of(mail, plan, graph.account(), done));
  }

  /** A definite refusal: the draft goes (it would only clutter the mailbox), and the step fails with a sentence. */
  private Future<SendOutput> abandon(Throwable failure) {
    if (current.phase() == Phase.SENT) {
      // Failing now would invite a re-run and a second mail: the send stands, with what is known of it.
      context.log().warn("the mail was sent, but reading it back or removing its Sent Items copy failed: "
          + describe(failure));
      return Future.succeededFuture(SendOutput.of(mail, plan, graph.account(), current));
    }
    if (draftNotFound(failure)) {
      return Future.failedFuture(SendFailures.draftGone(plan, current.draftId()));
    }
    Throwable explained = SendFailures.explain(failure, plan, graph, mail.size(), current.draftId() != null);
    if (current.draftId() == null || current.phase() == Phase.SENT || failure instanceof Uploads.SessionEnded) {
      return Future.failedFuture(explained);
    }
    return graph.write(HttpMethod.POST, plan.draftBox(), "/messages/" + Paths.encode(current.draftId()) + "/permanentDelete",
            null)
        .transform(deleted -> Future.failedFuture(explained));
  }

  private Future<SendProgress> save(SendProgress progress) {
    current = progress;
    return context.state().record(progress.recorded()).map(progress);
  }

  private static String describe(Throwable failure) {
    return failure instanceof GraphException e ? "HTTP " + e.status() + " " + e.graphCode()
        : failure.getClass().getSimpleName();
  }
}
