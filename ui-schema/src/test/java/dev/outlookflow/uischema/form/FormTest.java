package dev.outlookflow.uischema.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.SampleForms;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormTest {
  private final Form connection = Form.of(SampleForms.Connection.class);
  private final Form sendMail = Form.of(SampleForms.SendMail.class);
  private final Form filters = Form.of(SampleForms.MailFilters.class);

  @Nested
  class JsonSchema {
    @Test
    void describesResolvedValuesInDialect202012() {
      ObjectNode schema = connection.schema();
      assertThat(schema.path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
      assertThat(schema.at("/properties/authMode/enum").toString())
          .isEqualTo("[\"auth_code\",\"client_credentials\"]");
      assertThat(schema.at("/properties/authMode/default").asText()).isEqualTo("auth_code");
      assertThat(schema.at("/properties/sharedOnly/type").asText()).isEqualTo("boolean");
      assertThat(schema.at("/properties/sharedOnly/default").isBoolean()).isTrue();
    }

    @Test
    void secretIsWriteOnly() {
      assertThat(connection.schema().at("/properties/clientSecret/writeOnly").asBoolean()).isTrue();
    }

    @Test
    void requiredFieldsAreRequiredAndCannotBeEmpty() {
      assertThat(connection.schema().get("required").toString())
          .isEqualTo("[\"authMode\",\"clientId\"]");
      assertThat(sendMail.schema().at("/properties/subject/minLength").asInt()).isEqualTo(1);
      assertThat(sendMail.schema().at("/properties/to/minItems").asInt()).isEqualTo(1);
    }

    @Test
    void conditionallyVisibleFieldIsRequiredOnlyWhenItsConditionHolds() {
      JsonNode rule = connection.schema().at("/allOf/0");
      assertThat(rule.at("/if/properties/authMode/enum/0").asText()).isEqualTo("client_credentials");
      assertThat(rule.at("/then/required/0").asText()).isEqualTo("clientSecret");
    }

    @Test
    void eachWidgetHasItsShape() {
      ObjectNode schema = sendMail.schema();
      assertThat(schema.at("/properties/to/items/format").asText()).isEqualTo("email");
      assertThat(schema.at("/properties/retries/type").asText()).isEqualTo("integer");
      assertThat(schema.at("/properties/retries/maximum").asDouble()).isEqualTo(5.0);
      assertThat(schema.at("/properties/headers/additionalProperties/type").asText())
          .isEqualTo("string");
      assertThat(schema.at("/properties/attachments/items/required").toString())
          .isEqualTo("[\"name\",\"contentBase64\"]");
      assertThat(schema.at("/properties/attachments/items/properties/contentId/type").asText()).isEqualTo("string");
      assertThat(schema.at("/properties/cc/items/pattern").asText()).contains("<");
      assertThat(schema.at("/properties/subject/maxLength").asInt()).isEqualTo(255);
    }

    @Test
    void anAddressOrDomainListIsBoundedAndEachItemMatchesThePattern() {
      JsonNode from = filters.schema().at("/properties/from");
      assertThat(from.get("type").asText()).isEqualTo("array");
      assertThat(from.get("maxItems").asInt()).isEqualTo(100);
      assertThat(from.at("/items/maxLength").asInt()).isEqualTo(320);
      assertThat(from.at("/items/pattern").asText()).isEqualTo(JsonSchemaWriter.ADDRESS_OR_DOMAIN_PATTERN);
      assertThat(from.at("/items/format").isMissingNode()).as("not an email: @domain is allowed").isTrue();
    }

    @Test
    void aListOfEnumConstantsIsAMultiSelectOfTheirLowerCaseNamesEachOnce() {
      JsonNode importance = filters.schema().at("/properties/importance");
      assertThat(importance.get("type").asText()).isEqualTo("array");
      assertThat(importance.get("uniqueItems").asBoolean()).isTrue();
      assertThat(importance.at("/items/enum").toString()).isEqualTo("[\"low\",\"high\"]");
    }
  }

  @Nested
  class UiHints {
    @Test
    void groupsFieldsInOrderOfFirstUse() {
      JsonNode elements = connection.ui().get("elements");
      assertThat(elements.get(0).get("label").asText()).isEqualTo("Sign-in");
      assertThat(elements.get(0).get("elements")).hasSize(3);
      assertThat(elements.get(1).get("label").asText()).isEqualTo("Scope");
    }

    @Test
    void conditionalFieldCarriesAShowRule() {
      JsonNode secret = connection.ui().at("/elements/0/elements/2");
      assertThat(secret.get("scope").asText()).isEqualTo("#/properties/clientSecret");
      assertThat(secret.at("/rule/effect").asText()).isEqualTo("SHOW");
      assertThat(secret.at("/rule/condition/scope").asText()).isEqualTo("#/properties/authMode");
      assertThat(secret.at("/options/secret").asBoolean()).isTrue();
    }

    @Test
    void controlsCarryWidgetPlaceholderChoicesAndPickerHints() throws Exception {
      String ui = new ObjectMapper().writeValueAsString(sendMail.ui());
      assertThat(ui).contains("\"widget\":\"connection\"", "\"connectionType\":\"outlook/m365\"");
      assertThat(ui).contains("\"widget\":\"dynamic-select\"", "\"dependsOn\":[\"connection\"]");
      assertThat(ui).contains("\"expressions\":true");
      assertThat(connection.ui().toString())
          .contains("{\"value\":\"client_credentials\",\"label\":\"App-only (client secret)\"}");
    }
  }

  @Test
  void everyFieldTypeHasAWidgetOfItsOwn() {
    record Everything(
        @FormField(label = "a") String text,
        @FormField(label = "b", type = FieldType.MULTILINE) String multiline,
        @FormField(label = "c", type = FieldType.HTML) String html,
        @FormField(label = "d", type = FieldType.SECRET) String secret,
        @FormField(label = "e") boolean flag,
        @FormField(label = "f") int number,
        @FormField(label = "g") SampleForms.AuthMode dropdown,
        @FormField(label = "h", type = FieldType.DYNAMIC_DROPDOWN) String dynamic,
        @FormField(label = "i", type = FieldType.EMAIL_LIST) List<String> emails,
        @FormField(label = "j", type = FieldType.RECIPIENTS) List<String> recipients,
        @FormField(label = "k", type = FieldType.ADDRESSES_OR_DOMAINS) List<String> patterns,
        @FormField(label = "l") List<SampleForms.Importance> multi,
        @FormField(label = "m") java.util.Map<String, String> keyValue,
        @FormField(label = "n") List<Attachment> attachments,
        @FormField(label = "o", type = FieldType.CONNECTION, connectionType = "x/y") String connection) {}
    Form form = Form.of(Everything.class);
    assertThat(form.fields()).extracting(FieldDefinition::type)
        .containsExactlyInAnyOrder(java.util.Arrays.stream(FieldType.values())
            .filter(type -> type != FieldType.INFERRED).toArray(FieldType[]::new));
    assertThat(form.ui().get("elements")).extracting(control -> control.at("/options/widget").asText())
        .containsExactly("text", "textarea", "html", "password", "checkbox", "number", "select", "dynamic-select",
            "email-list", "recipient-list", "address-or-domain-list", "multi-select", "key-value", "attachments",
            "connection");
  }

  @Nested
  class Declaration {
    record Unannotated(String name) {}

    record WrongType(@FormField(label = "Flag", type = FieldType.BOOLEAN) String flag) {}

    record BadCondition(@FormField(label = "X", visibleWhen = "nothere=1") String x) {}

    record PickerWithoutType(@FormField(label = "C", type = FieldType.CONNECTION) String c) {}

    record Uninferable(@FormField(label = "List") List<Integer> list) {}

    @Test
    void rejectsMistakesInTheRecordNamingTheComponent() {
      assertThatThrownBy(() -> Form.of(Unannotated.class)).hasMessageContaining("Unannotated.name");
      assertThatThrownBy(() -> Form.of(WrongType.class)).hasMessageContaining("WrongType.flag");
      assertThatThrownBy(() -> Form.of(BadCondition.class)).hasMessageContaining("'nothere'");
      assertThatThrownBy(() -> Form.of(PickerWithoutType.class))
          .hasMessageContaining("connectionType");
      assertThatThrownBy(() -> Form.of(Uninferable.class)).hasMessageContaining("type = ...");
    }
  }

  @Test
  void withDefaultsFillsOnlyAbsentFields() {
    ObjectNode values = new ObjectMapper().createObjectNode().put("retries", 4);
    ObjectNode filled = sendMail.withDefaults(values);
    assertThat(filled.get("retries").asInt()).isEqualTo(4);
    ObjectNode empty = connection.withDefaults(new ObjectMapper().createObjectNode());
    assertThat(empty.get("authMode").asText()).isEqualTo("auth_code");
    assertThat(empty.get("sharedOnly").asBoolean(true)).isFalse();
    assertThat(values.size()).as("the input is left untouched").isEqualTo(1);
  }
}
