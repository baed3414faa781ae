package dev.outlookflow.outlook.mail.folders;

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

/** "List folders": a mailbox's folders, or one folder's child folders, as Graph answers them. */
@Extension
public class ListFoldersAction implements Action<ListFoldersProperties, ListFoldersOutput>, OptionsProvider {
  static final ActionDescriptor<ListFoldersProperties, ListFoldersOutput> DESCRIPTOR = ActionDescriptor.of(
      "list-folders", "List folders", "Lists the mail folders of a mailbox, or the child folders of one",
      ListFoldersProperties.class, ListFoldersOutput.class).recoverable();
  private final OutlookServices services;

  public ListFoldersAction(OutlookServices services) {
    this.services = services;
  }

  @Override
  public ActionDescriptor<ListFoldersProperties, ListFoldersOutput> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(ObjectNode properties) {
    return QueryOptions.check(properties, QueryOptions.FOLDER);
  }

  @Override
  public Future<ListFoldersOutput> execute(ActionContext context, ListFoldersProperties properties) {
    return Listing.step(context, services, properties, QueryOptions.FOLDER, query -> {
      if (properties.includeHidden()) {
        query.put("includeHiddenFolders", "true");
      }
      String parent = properties.parentFolder();
      return (parent == null || parent.isBlank() ? "/mailFolders"
          : "/mailFolders/" + Paths.encode(parent) + "/childFolders") + query.queryString();
    }).map(ListFoldersOutput::of);
  }

  @Override
  public Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values) {
    return FolderChoices.load(context, values, services);
  }
}
