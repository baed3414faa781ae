package dev.outlookflow.uischema.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.outlookflow.uischema.binding.RecordBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputSchemaTest {
  enum Importance { LOW, NORMAL, HIGH }

  record Recipient(String name, String address) {}

  record Sent(
      @JsonPropertyDescription("Graph's id of the sent message") String messageId,
      List<Recipient> to,
      Importance importance,
      long size,
      Map<String, String> headers,
      JsonNode graphAnswer) {}

  private static final ObjectNode SCHEMA = OutputSchema.of(Sent.class);

  private static Set<ValidationMessage> violations(Object output) {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA)
        .validate(RecordBinding.tree(output));
  }

  @Test
  void everyComponentIsARequiredPropertyInDeclarationOrderWithItsDescription() {
    assertThat(SCHEMA.get("required")).extracting(JsonNode::asText)
        .containsExactly("messageId", "to", "importance", "size", "headers", "graphAnswer");
    assertThat(SCHEMA.get("properties").fieldNames()).toIterable()
        .containsExactly("messageId", "to", "importance", "size", "headers", "graphAnswer");
    assertThat(SCHEMA.at("/properties/messageId/description").asText()).isEqualTo("Graph's id of the sent message");
    assertThat(SCHEMA.at("/properties/importance/anyOf/1/enum")).extracting(JsonNode::asText)
        .containsExactly("low", "normal", "high");
  }

  @Test
  void whatARecordWritesConformsWithNothingElseAllowed() {
    Sent sent = new Sent("AAMk", List.of(new Recipient("Megan", "megan@contoso.com")), Importance.HIGH, 42,
        Map.of("x-ticket", "7"), RecordBinding.tree(Map.of("anything", List.of(1, 2))));
    assertThat(violations(sent)).isEmpty();

    ObjectNode drifted = RecordBinding.object(sent).put("mesageId", "AAMk");
    assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA).validate(drifted))
        .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("mesageId"));
  }

  @Test
  void aJsonTreeOutputIsFreeForm() {
    assertThat(OutputSchema.of(ObjectNode.class).get("type").asText()).isEqualTo("object");
    assertThat(OutputSchema.of(ObjectNode.class).has("properties")).isFalse();
  }
}
