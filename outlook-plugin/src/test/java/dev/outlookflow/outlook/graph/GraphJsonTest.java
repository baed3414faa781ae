package dev.outlookflow.outlook.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph's answers become Jackson trees the runtime can write, whatever Vert.x holds inside them. */
class GraphJsonTest {

  @Test
  void parsedAnswersAndValuesPutInThemBecomeTheSameJson() {
    JsonObject parsed = new JsonObject("{\"id\":\"1\",\"size\":5,\"isRead\":false,\"score\":0.5,"
        + "\"from\":{\"emailAddress\":{\"address\":\"a@contoso.com\"}},\"categories\":[\"Red\"],\"flag\":null}");
    JsonObject built = new JsonObject().put("id", "2").put("from", new JsonObject().put("emailAddress",
        new JsonObject().put("address", "b@contoso.com"))).put("categories", new JsonArray().add("Blue"));

    List<JsonNode> items = GraphJson.items(new JsonArray().add(parsed).add(built));

    assertThat(items).hasSize(2);
    assertThat(items.get(0).toString()).isEqualTo(parsed.encode());
    assertThat(items.get(1).toString()).isEqualTo(built.encode());
    assertThat(items.get(1).at("/from/emailAddress/address").asText()).isEqualTo("b@contoso.com");
  }
}
