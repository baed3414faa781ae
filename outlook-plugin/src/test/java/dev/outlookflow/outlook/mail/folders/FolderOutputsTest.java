package dev.outlookflow.outlook.mail.folders;

import static dev.outlookflow.outlook.OutputContract.descriptions;
import static dev.outlookflow.outlook.OutputContract.problem;
import static dev.outlookflow.outlook.OutputContract.schemaKeys;
import static dev.outlookflow.outlook.OutputContract.writtenKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.graph.GraphJson;
import dev.outlookflow.outlook.mail.Listing;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What "List folders" and "Create folder" give later steps: Graph's folders, as Graph wrote them. */
class FolderOutputsTest {
  /** A mailFolder as Graph answers it. */
  private static JsonObject inbox() {
    return new JsonObject().put("id", "AAMk-inbox").put("displayName", "Inbox").put("parentFolderId", "AQMkRoot")
        .put("childFolderCount", 1).put("unreadItemCount", 3).put("totalItemCount", 12).put("isHidden", false);
  }

  @Test
  void listFoldersOffersTheFoldersTheirCountAndWhetherThereIsMore() {
    ListFoldersOutput output = ListFoldersOutput.of(new Listing.Found(GraphJson.items(new JsonArray()
        .add(inbox()).add(new JsonObject().put("id", "AAMk-archive").put("displayName", "Archive"))), true));

    assertThat(schemaKeys(ListFoldersAction.DESCRIPTOR.output())).containsExactly("folders", "count", "more");
    assertThat(writtenKeys(output)).containsExactly("folders", "count", "more");
    assertThat(RecordBinding.object(output).toString()).isEqualTo("{\"folders\":[" + inbox().encode() + ","
        + "{\"id\":\"AAMk-archive\",\"displayName\":\"Archive\"}],\"count\":2,\"more\":true}");
    assertThat(descriptions(ListFoldersOutput.class)).allSatisfy((key, text) -> assertThat(text).isNotBlank());
  }

  @Test
  void aFoldersPropertiesAreGraphsSoAnyPathIntoOneIsAllowed() {
    assertThat(problem(ListFoldersOutput.class, "folders[0].displayName")).isEmpty();
    assertThat(problem(ListFoldersOutput.class, "folders[0].anythingGraphMaySelect")).isEmpty();
    assertThat(problem(ListFoldersOutput.class, "value")).isPresent();
  }

  @Test
  void createFolderOffersGraphsFolderAndWhetherTheStepCreatedIt() {
    CreateFolderOutput created = CreateFolderOutput.of(inbox(), true);
    List<String> keys = List.of("id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount",
        "totalItemCount", "isHidden", "created");

    assertThat(schemaKeys(CreateFolderAction.DESCRIPTOR.output())).isEqualTo(keys);
    assertThat(writtenKeys(created)).isEqualTo(keys);
    assertThat(RecordBinding.object(created).toString()).isEqualTo(inbox().put("created", true).encode());
    assertThat(CreateFolderOutput.of(inbox(), false).created()).isFalse();
    assertThat(descriptions(CreateFolderOutput.class)).allSatisfy((key, text) -> assertThat(text).isNotBlank());
    assertThat(problem(CreateFolderOutput.class, "id")).isEmpty();
  }
}
