package dev.outlookflow.outlook.mail.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.mail.FolderChoices;
import dev.outlookflow.outlook.mail.Listing;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.mail.QueryOptions;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.util.List;
import org.pf4j.Extension;

/** "List messages": a folder's messages with OData options, page after page up to a bound. */
@Extension
public class ListMessagesAction implements Action<ListMessagesProperties, ListMessagesOutput>, OptionsProvider {
  static final ActionDescriptor<ListMessagesProperties, ListMessagesOutput> DESCRIPTOR = ActionDescriptor.of(
      "list-messages", "List messages", "Lists the messages of a mail folder, filtered, ordered and paged with OData "
          + "options", ListMessagesProperties.class, ListMessagesOutput.class).recoverable();
  private final OutlookServices services;

  public ListMessagesAction(OutlookServices services) {
    this.services = services;
  }
  /** Attachments' metadata only: their content could be megabytes per message. */
  private static final String ATTACHMENT_METADATA = "attachments($select=id,name,contentType,size,isInline)";

  @Override
  public ActionDescriptor<ListMessagesProperties, ListMessagesOutput> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(ObjectNode properties) {
    return QueryOptions.check(properties, QueryOptions.MESSAGE);
  }

  @Override
  public Future<ListMessagesOutput> execute(ActionContext context, ListMessagesProperties properties) {
    boolean attachments = properties.includeAttachments();
    return Listing.step(context, services, properties, QueryOptions.MESSAGE, query -> {
      if (attachments) {
        query.put("$expand", ATTACHMENT_METADATA);
      }
      return "/mailFolders/" + Paths.encode(properties.folder()) + "/messages" + query.queryString();
    }).map(found -> {
      if (attachments) {
        found.items().forEach(ListMessagesAction::withoutContent);
      }
      return ListMessagesOutput.of(found);
    });
  }

  /** Graph may answer content even when only metadata was selected; later steps get metadata only. */
  private static void withoutContent(JsonNode message) {
    for (JsonNode attachment : message.path("attachments")) {
      if (attachment instanceof ObjectNode metadata) {
        metadata.remove("contentBytes");
      }
    }
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values) {
    return FolderChoices.load(context, values, services);
  }
}
