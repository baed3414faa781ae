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

/** The folder dropdowns: the mailbox's folders, by name, storing their ids. */
public final class FolderChoices {
  /** How many folders the dropdown with subfolders lists, and how deep. */
  public static final int TREE_FOLDERS = 200;
  public static final int TREE_DEPTH = 10;

  private FolderChoices() {}

  /** The top-level folders; {@code values} are the panel's as entered: a mailbox holding an expression is none. */
  public static Future<List<Option>> load(OptionsContext context, ObjectNode values, OutlookServices services) {
    return MailGraph.open(context.connection(), services).compose(graph -> {
      Mailbox mailbox = mailbox(graph, values);
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

  /**
   * The folders with their subfolders, breadth first, labelled by path ("Inbox / Projects"): at most
   * {@value #TREE_FOLDERS}, {@value #TREE_DEPTH} levels deep; one request per folder that has subfolders.
   */
  public static Future<List<Option>> loadTree(OptionsContext context, ObjectNode values, OutlookServices services) {
    return MailGraph.open(context.connection(), services)
        .compose(graph -> FolderTree.below(FolderTree.pages(graph, mailbox(graph, values)), null, null, TREE_FOLDERS,
            TREE_DEPTH))
        .map(scan -> scan.folders().stream().map(folder -> new Option(folder.id(), folder.path())).toList());
  }

  private static Mailbox mailbox(MailGraph graph, ObjectNode values) {
    String requested = values.path("mailbox").textValue();
    return graph.fence().resolve(requested != null && requested.contains("{{") ? null : requested, "mailbox");
  }
}
