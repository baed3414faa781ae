package dev.outlookflow.outlook.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.services.OutlookServices;
import dev.outlookflow.plugin.api.options.Option;
import dev.outlookflow.plugin.api.options.OptionsContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The folder dropdowns: the mailbox's folders, top level, by name, storing their ids. */
public final class FolderChoices {
  private FolderChoices() {}

  /** {@code values} are the panel's as entered: a mailbox still holding an expression counts as none. */
  public static Future<List<Option>> load(OptionsContext context, ObjectNode values, OutlookServices services) {
    return MailGraph.open(context.connection(), services).compose(graph -> {
      String requested = values.path("mailbox").textValue();
      Mailbox mailbox = graph.fence().resolve(requested != null && requested.contains("{{") ? null : requested,
          "mailbox");
      return Listing.collect(graph, mailbox, "/mailFolders?$top=100&$select=id,displayName", 500);
    }).map(folders -> {
      List<Option> options = new ArrayList<>();
      for (Object folder : folders.getJsonArray("value", new JsonArray())) {
        JsonObject f = (JsonObject) folder;
        options.add(new Option(f.getString("id"), f.getString("displayName")));
      }
      return options;
    });
  }
}
