package dev.outlookflow.outlook.mail.folders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.graph.GraphException;
import dev.outlookflow.outlook.mail.FolderChoices;
import dev.outlookflow.outlook.mail.MailFailures;
import dev.outlookflow.outlook.mail.MailGraph;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pf4j.Extension;

/**
 * "Create folder": a mail folder at the top level or inside another. A name already taken fails with
 * a sentence, or answers the existing folder; a step re-run after a crash finds the folder it made.
 */
@Extension
public class CreateFolderAction implements Action<CreateFolderProperties, CreateFolderOutput>, OptionsProvider {
  static final ActionDescriptor<CreateFolderProperties, CreateFolderOutput> DESCRIPTOR = ActionDescriptor.of(
      "create-folder", "Create folder", "Creates a mail folder in a mailbox, at the top level or inside another folder",
      CreateFolderProperties.class, CreateFolderOutput.class).recoverable();
  private final OutlookServices services;

  public CreateFolderAction(OutlookServices services) {
    this.services = services;
  }

  @Override
  public ActionDescriptor<CreateFolderProperties, CreateFolderOutput> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<CreateFolderOutput> execute(ActionContext context, CreateFolderProperties properties) {
    return MailGraph.open(context.connection(), services).compose(graph -> {
      Mailbox mailbox = graph.fence().resolve(properties.mailbox(), "mailbox");
      String name = properties.displayName().trim();
      String parent = properties.parentFolder();
      String collection = parent == null || parent.isBlank() ? "/mailFolders"
          : "/mailFolders/" + Paths.encode(parent) + "/childFolders";
      boolean useExisting = properties.ifExists() == IfFolderExists.USE_EXISTING || context.recovering();
      return graph.write(HttpMethod.POST, mailbox, collection, new JsonObject().put("displayName", name))
          .map(folder -> CreateFolderOutput.of(folder, true))
          .recover(failure -> {
            if (!(failure instanceof GraphException e && "ErrorFolderExists".equals(e.graphCode()))) {
              return Future.failedFuture(MailFailures.explain(failure, mailbox, graph));
            }
            if (!useExisting) {
              return Future.failedFuture(new ExtensionException("folder_exists", "A folder named '" + name
                  + "' already exists " + (parent == null || parent.isBlank() ? "at the top level of " : "in that folder of ")
                  + mailbox.describe() + ": choose another name, or set 'If a folder of that name exists' to use it.",
                  e.upstreamRequestId(), e));
            }
            return existing(graph, mailbox, collection, name);
          });
    });
  }

  private static Future<CreateFolderOutput> existing(MailGraph graph, Mailbox mailbox, String collection,
      String name) {
    String filter = "displayName eq '" + name.replace("'", "''") + "'";
    return graph.read(mailbox, collection + "?$filter=" + Paths.encode(filter) + "&$top=1")
        .map(found -> CreateFolderOutput.of(found.getJsonArray("value", new JsonArray()).getJsonObject(0), false));
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values) {
    return FolderChoices.load(context, values, services);
  }
}
