package dev.outlookflow.outlook.mail.messages;

import dev.outlookflow.outlook.mail.FolderChoices;
import dev.outlookflow.outlook.mail.Listing;
import dev.outlookflow.outlook.mail.Paths;
import dev.outlookflow.outlook.mail.QueryOptions;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pf4j.Extension;

/** "List messages": a folder's messages with OData options, page after page up to a bound. */
@Extension
public class ListMessagesAction implements Action, OptionsProvider {
  private static final Form FORM = Form.of(ListMessagesProperties.class);
  /** Attachments' metadata only: their content could be megabytes per message. */
  private static final String ATTACHMENT_METADATA = "attachments($select=id,name,contentType,size,isInline)";

  @Override
  public String id() {
    return "list-messages";
  }

  @Override
  public String name() {
    return "List messages";
  }

  @Override
  public String description() {
    return "Lists the messages of a mail folder, filtered, ordered and paged with OData options";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public List<FieldError> validate(JsonObject properties) {
    return QueryOptions.check(properties, QueryOptions.MESSAGE);
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    boolean attachments = properties.getBoolean("includeAttachments", false);
    return Listing.step(context, properties, QueryOptions.MESSAGE, "messages", query -> {
      if (attachments) {
        query.put("$expand", ATTACHMENT_METADATA);
      }
      return "/mailFolders/" + Paths.encode(properties.getString("folder", "inbox")) + "/messages"
          + query.queryString();
    }).map(output -> {
      if (attachments) {
        output.getJsonArray("messages").forEach(message -> withoutContent((JsonObject) message));
      }
      return output;
    });
  }

  /** Graph may answer content even when only metadata was selected; later steps get metadata only. */
  private static void withoutContent(JsonObject message) {
    message.getJsonArray("attachments", new JsonArray())
        .forEach(attachment -> ((JsonObject) attachment).remove("contentBytes"));
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, JsonObject values) {
    return FolderChoices.load(context, values);
  }
}
