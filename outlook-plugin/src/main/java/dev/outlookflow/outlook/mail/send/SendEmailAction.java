package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.outlook.connection.Cloud;
import dev.outlookflow.outlook.connection.ConnectionSettings;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pf4j.Extension;

/**
 * "Send an email": from the connection's mailbox or a shared one, with attachments of any size the
 * mailbox accepts, delivered exactly once however the network or the runtime fails (see {@link Delivery}).
 */
@Extension
public class SendEmailAction implements Action {
  /** Graph's limit on one request's body: 4 MB. */
  static final long GRAPH_REQUEST_BYTES = 4L * 1024 * 1024;
  private static final long FROM_ALLOWANCE = 1024;
  private static final Form FORM = Form.of(SendEmailProperties.class);

  @Override
  public String id() {
    return "send-email";
  }

  @Override
  public String name() {
    return "Send an email";
  }

  @Override
  public String description() {
    return "Sends a mail from a Microsoft 365 mailbox or a shared mailbox, with attachments of any size";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public List<FieldError> validate(JsonObject properties) {
    return SendRules.check(properties);
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    // Decoding attachments of tens of megabytes is no work for the event loop.
    return context.environment().workers().executeBlocking(() -> {
          OutgoingMail mail = OutgoingMail.of(properties);
          checkDraftSize(mail);
          return mail;
        }, false)
        .compose(mail -> {
          context.connection().ifPresent(c -> checkUploadSessions(mail, ConnectionSettings.of(c.properties()).cloud()));
          return MailGraph.open(context.connection()).compose(graph -> {
            SendPlan plan = SendPlan.of(mail, graph.fence(), graph.account());
            return new Delivery(graph, mail, plan, context).run();
          });
        });
  }

  /**
   * The draft is one Graph request, and Graph refuses requests over about 4 MB: a mail whose draft
   * is larger fails at once with a sentence instead of at Graph with a 413. The sender's address is
   * not known yet: a kilobyte is left for it.
   */
  static void checkDraftSize(OutgoingMail mail) {
    long bytes = mail.draftBytes() + FROM_ALLOWANCE;
    if (bytes > GRAPH_REQUEST_BYTES) {
      throw SendFailures.draftTooLarge(bytes, GRAPH_REQUEST_BYTES);
    }
  }

  /** A mail that needs an upload session fails at once, before any call, in a cloud without them. */
  static void checkUploadSessions(OutgoingMail mail, Cloud cloud) {
    if (cloud.hasUploadSessions()) {
      return;
    }
    for (int i = 0; i < mail.attachments().size(); i++) {
      if (mail.attachments().get(i).needsUploadSession()) {
        throw SendFailures.noUploadSessions(cloud.displayName(), mail.attachments().get(i), i);
      }
    }
  }
}
