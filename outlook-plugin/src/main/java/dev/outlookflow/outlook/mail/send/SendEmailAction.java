package dev.outlookflow.outlook.mail.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;
import org.pf4j.Extension;

/**
 * "Send an email": from the connection's mailbox or a shared one, with attachments of any size the
 * mailbox accepts, delivered exactly once however the network or the runtime fails (see {@link Delivery}).
 */
@Extension
public class SendEmailAction implements Action<SendEmailProperties, SendOutput> {
  /** Graph's limit on one request's body: 4 MB. */
  static final long GRAPH_REQUEST_BYTES = 4L * 1024 * 1024;
  private static final long FROM_ALLOWANCE = 1024;
  static final ActionDescriptor<SendEmailProperties, SendOutput> DESCRIPTOR = ActionDescriptor.of(
      "send-email", "Send an email", "Sends a mail from a Microsoft 365 mailbox or a shared mailbox, with attachments "
          + "of any size", SendEmailProperties.class, SendOutput.class).recoverable();
  private final OutlookServices services;

  public SendEmailAction(OutlookServices services) {
    this.services = services;
  }

  @Override
  public ActionDescriptor<SendEmailProperties, SendOutput> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(ObjectNode properties) {
    return SendRules.check(properties);
  }

  @Override
  public Future<SendOutput> execute(ActionContext context, SendEmailProperties properties) {
    // Decoding attachments of tens of megabytes is no work for the event loop.
    return context.environment().workers().executeBlocking(() -> {
          OutgoingMail mail = OutgoingMail.of(properties);
          checkDraftSize(mail);
          return mail;
        }, false)
        .compose(mail -> MailGraph.chosen(context.connection()).compose(connection -> {
          ConnectionSettings settings = ConnectionSettings.of(connection);
          checkUploadSessions(mail, settings.profile().cloud());
          return MailGraph.open(connection, settings, services);
        }).compose(graph -> {
          SendPlan plan = SendPlan.of(mail, graph.fence(), graph.account());
          return new Delivery(graph, mail, plan, context).run();
        }));
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
