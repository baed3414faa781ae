package dev.outlookflow.uischema.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TemplateResolver resolver = new TemplateResolver(json("""
      {"trigger": {"subject": "Invoice", "count": 3, "flag": true, "none": null,
                   "to": ["a@x.test", "b@x.test"]},
       "steps": {"lookup": {"items": [{"id": "m1"}, {"id": "m2"}]}}}
      """));

  private static final long UNLIMITED = Long.MAX_VALUE;

  private JsonNode resolve(JsonNode value) {
    return resolver.resolve("field", value, UNLIMITED, SizeBudget.shared(UNLIMITED, "no limit"));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void wholeValueKeepsItsJsonType() {
    assertThat(resolve(TextNode.valueOf("{{trigger.count}}")).isInt()).isTrue();
    assertThat(resolve(TextNode.valueOf("{{ trigger.flag }}")).booleanValue()).isTrue();
    assertThat(resolve(TextNode.valueOf("{{trigger.to}}")))
        .isEqualTo(json("[\"a@x.test\",\"b@x.test\"]"));
  }

  @Test
  void expressionsInsideTextAreInterpolatedAsStrings() {
    JsonNode resolved =
        resolve(TextNode.valueOf("{{trigger.subject}} #{{trigger.count}} {{steps.lookup.items[1].id}}"));
    assertThat(resolved.textValue()).isEqualTo("Invoice #3 m2");
    assertThat(resolve(TextNode.valueOf("[{{trigger.none}}]")).textValue()).isEqualTo("[]");
    assertThat(resolve(TextNode.valueOf("to {{trigger.to}}")).textValue())
        .isEqualTo("to [\"a@x.test\",\"b@x.test\"]");
  }

  @Test
  void resolvesInsideObjectsAndArrays() {
    JsonNode resolved = resolve(json("""
        {"to": ["{{trigger.to[0]}}", "c@x.test"], "headers": {"X-Count": "{{trigger.count}}"}, "n": 1}
        """));
    assertThat(resolved).isEqualTo(json("""
        {"to": ["a@x.test", "c@x.test"], "headers": {"X-Count": 3}, "n": 1}
        """));
  }

  @Test
  void escapedOpeningStaysLiteral() {
    assertThat(resolve(TextNode.valueOf("\\{{trigger.subject}}")).textValue())
        .isEqualTo("{{trigger.subject}}");
  }

  @Test
  void pathThatResolvesToNothingIsAnErrorNamingIt() {
    assertThatThrownBy(() -> resolve(TextNode.valueOf("{{steps.lookup.items[5].id}}")))
        .isInstanceOf(UnresolvedExpressionException.class)
        .hasMessage("{{steps.lookup.items[5].id}} resolves to nothing: 'steps.lookup.items' "
            + "(array of 2) has no [5]");
    assertThatThrownBy(() -> resolve(TextNode.valueOf("x {{trigger.missing}}")))
        .hasMessageContaining("'trigger' (object) has no missing");
  }

  @Test
  void textPastTheFieldsLimitIsRefusedNamingTheFieldAndTheSize() {
    TemplateResolver big = new TemplateResolver(json("{\"trigger\": {\"b\": \"" + "x".repeat(1000) + "\"}}"));

    assertThatThrownBy(() -> big.resolve("subject", TextNode.valueOf("Re: {{trigger.b}}"), 255,
        SizeBudget.shared(UNLIMITED, "no limit")))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessage("'subject' would take at least 1,004 characters once its expressions are resolved, over "
            + "the field's limit (255): bind a shorter value, or fewer of them");
    assertThat(big.resolve("subject", TextNode.valueOf("{{trigger.b}}"), 1000, SizeBudget.shared(UNLIMITED, "no limit"))
        .textValue()).hasSize(1000);
  }

  @Test
  void aBoundValueCountsEachTimeItIsUsedInTextOrInALists() {
    TemplateResolver big = new TemplateResolver(json("{\"trigger\": {\"b\": \"" + "x".repeat(1000) + "\"}}"));
    SizeBudget budget = SizeBudget.shared(10_000, "the limit of a step's input");
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < 20; i++) {
      list.add("{{trigger.b}}");
    }

    assertThatThrownBy(() -> big.resolve("to", list, UNLIMITED, budget))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageStartingWith("the step's input would take at least 10,")
        .hasMessageContaining("once 'to[9]' is resolved, over the limit of a step's input (10,000)");
    assertThatThrownBy(() -> big.resolve("body", TextNode.valueOf("{{trigger.b}}".repeat(2500)), UNLIMITED,
        SizeBudget.shared(10_000, "the limit of a step's input")))
        .hasMessageContaining("once 'body' is resolved");
  }

  @Test
  void valuesResolvedWithOneBudgetShareIt() {
    SizeBudget budget = SizeBudget.shared(50, "the limit of a step's input");
    resolver.resolve("subject", TextNode.valueOf("{{trigger.subject}}"), UNLIMITED, budget);
    resolver.resolve("to", TextNode.valueOf("{{trigger.to}}"), UNLIMITED, budget);

    assertThatThrownBy(() -> resolver.resolve("again", TextNode.valueOf("{{trigger.to}}"), UNLIMITED, budget))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageContaining("once 'again' is resolved");
  }

  @Test
  void anObjectInterpolatedIntoTextCountsItsEncoding() {
    SizeBudget budget = SizeBudget.shared(UNLIMITED, "no limit");
    assertThatThrownBy(() -> resolver.resolve("subject", TextNode.valueOf("{{steps.lookup}}!"), 30, budget))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageStartingWith("'subject' would take at least 3");
  }

  @Test
  void escapesCountAsTheyAreWrittenAndAreRefusedBeforeTheTextIsWhole() {
    TemplateResolver controls = new TemplateResolver(json("{\"trigger\": {\"c\": [\"" + "\\u0001".repeat(1000) + "\"]}}"));

    assertThatThrownBy(() -> controls.resolve("subject", TextNode.valueOf("x {{trigger.c}}"), UNLIMITED,
        SizeBudget.shared(2000, "the limit of a step's input")))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageContaining("once 'subject' is resolved, over the limit of a step's input (2,000)");
  }

  @Test
  void aFieldsLimitCountsCodePointsAsJsonSchemaDoes() {
    TemplateResolver emoji = new TemplateResolver(json("{\"trigger\": {\"e\": \"" + "\uD83D\uDE00".repeat(200) + "\"}}"));

    assertThat(emoji.resolve("subject", TextNode.valueOf("{{trigger.e}}"), 255, SizeBudget.shared(UNLIMITED, "no limit"))
        .textValue()).hasSize(400);
  }
}
