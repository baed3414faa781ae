package dev.outlookflow.outlook.mail.send;

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
    return context.environment().workers().executeBlocking(() -> OutgoingMail.of(properties), false)
        .compose(mail -> MailGraph.open(context.connection()).compose(graph -> {
          SendPlan plan = SendPlan.of(mail, graph.fence(), graph.account());
          checkUploadSessions(mail, graph);
          return new Delivery(graph, mail, plan, context).run();
        }));
  }

  private static void checkUploadSessions(OutgoingMail mail, MailGraph graph) {
    if (graph.settings().cloud().hasUploadSessions()) {
      return;
    }
    for (int i = 0; i < mail.attachments().size(); i++) {
      if (mail.attachments().get(i).needsUploadSession()) {
        throw SendFailures.noUploadSessions(graph.settings().cloud().displayName(), mail.attachments().get(i), i);
      }
    }
  }
}
