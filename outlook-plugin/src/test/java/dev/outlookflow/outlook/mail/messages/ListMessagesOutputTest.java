package dev.outlookflow.outlook.mail.messages;

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
import org.junit.jupiter.api.Test;

/** What "List messages" gives later steps: Graph's messages with the fields the step selected. */
class ListMessagesOutputTest {

  @Test
  void theCatalogOffersExactlyTheKeysARunWritesAndMessagesAreGraphs() {
    JsonObject selected = new JsonObject().put("@odata.etag", "W/\"1\"").put("id", "AAMk-1").put("subject", "Hello")
        .put("from", new JsonObject().put("emailAddress", new JsonObject().put("address", "megan@contoso.com")));
    ListMessagesOutput output = ListMessagesOutput.of(new Listing.Found(GraphJson.items(new JsonArray().add(selected)),
        false));

    assertThat(schemaKeys(ListMessagesAction.DESCRIPTOR.output())).containsExactly("messages", "count",
        "more");
    assertThat(writtenKeys(output)).containsExactly("messages", "count", "more");
    assertThat(RecordBinding.object(output).toString())
        .isEqualTo("{\"messages\":[" + selected.encode() + "],\"count\":1,\"more\":false}");
    assertThat(descriptions(ListMessagesOutput.class)).allSatisfy((key, text) -> assertThat(text).isNotBlank());
    assertThat(problem(ListMessagesOutput.class, "messages[0].from.emailAddress.address")).isEmpty();
    assertThat(problem(ListMessagesOutput.class, "items")).isPresent();
  }
}
