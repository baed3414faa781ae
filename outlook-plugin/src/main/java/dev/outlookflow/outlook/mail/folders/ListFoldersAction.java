package dev.outlookflow.outlook.mail.folders;

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
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pf4j.Extension;

/** "List folders": a mailbox's folders, or one folder's child folders, as Graph answers them. */
@Extension
public class ListFoldersAction implements Action, OptionsProvider {
  private static final Form FORM = Form.of(ListFoldersProperties.class);

  @Override
  public String id() {
    return "list-folders";
  }

  @Override
  public String name() {
    return "List folders";
  }

  @Override
  public String description() {
    return "Lists the mail folders of a mailbox, or the child folders of one";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public List<FieldError> validate(JsonObject properties) {
    return QueryOptions.check(properties, QueryOptions.FOLDER);
  }

  @Override
  public boolean supportsRecovery() {
    return true;
  }

  @Override
  public Future<JsonObject> execute(ActionContext context, JsonObject properties) {
    return Listing.step(context, properties, QueryOptions.FOLDER, "folders", query -> {
      if (properties.getBoolean("includeHidden", false)) {
        query.put("includeHiddenFolders", "true");
      }
      String parent = properties.getString("parentFolder");
      return (parent == null || parent.isBlank() ? "/mailFolders"
          : "/mailFolders/" + Paths.encode(parent) + "/childFolders") + query.queryString();
    });
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, JsonObject values) {
    return FolderChoices.load(context, values);
  }
}
