package dev.outlookflow.uischema.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TemplateResolver resolver = new TemplateResolver(json("""
      {"trigger": {"subject": "Invoice", "count": 3, "flag": true, "none": null,
                   "to": ["a@x.test", "b@x.test"]},
       "steps": {"lookup": {"items": [{"id": "m1"}, {"id": "m2"}]}}}
      """));

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void wholeValueKeepsItsJsonType() {
    assertThat(resolver.resolve(TextNode.valueOf("{{trigger.count}}")).isInt()).isTrue();
    assertThat(resolver.resolve(TextNode.valueOf("{{ trigger.flag }}")).booleanValue()).isTrue();
    assertThat(resolver.resolve(TextNode.valueOf("{{trigger.to}}")))
        .isEqualTo(json("[\"a@x.test\",\"b@x.test\"]"));
  }

  @Test
  void expressionsInsideTextAreInterpolatedAsStrings() {
    JsonNode resolved =
        resolver.resolve(TextNode.valueOf("{{trigger.subject}} #{{trigger.count}} {{steps.lookup.items[1].id}}"));
    assertThat(resolved.textValue()).isEqualTo("Invoice #3 m2");
    assertThat(resolver.resolve(TextNode.valueOf("[{{trigger.none}}]")).textValue()).isEqualTo("[]");
    assertThat(resolver.resolve(TextNode.valueOf("to {{trigger.to}}")).textValue())
        .isEqualTo("to [\"a@x.test\",\"b@x.test\"]");
  }

  @Test
  void resolvesInsideObjectsAndArrays() {
    JsonNode resolved = resolver.resolve(json("""
        {"to": ["{{trigger.to[0]}}", "c@x.test"], "headers": {"X-Count": "{{trigger.count}}"}, "n": 1}
        """));
    assertThat(resolved).isEqualTo(json("""
        {"to": ["a@x.test", "c@x.test"], "headers": {"X-Count": 3}, "n": 1}
        """));
  }

  @Test
  void escapedOpeningStaysLiteral() {
    assertThat(resolver.resolve(TextNode.valueOf("\\{{trigger.subject}}")).textValue())
        .isEqualTo("{{trigger.subject}}");
  }

  @Test
  void pathThatResolvesToNothingIsAnErrorNamingIt() {
    assertThatThrownBy(() -> resolver.resolve(TextNode.valueOf("{{steps.lookup.items[5].id}}")))
        .isInstanceOf(UnresolvedExpressionException.class)
        .hasMessage("{{steps.lookup.items[5].id}} resolves to nothing: 'steps.lookup.items' "
            + "(array of 2) has no [5]");
    assertThatThrownBy(() -> resolver.resolve(TextNode.valueOf("x {{trigger.missing}}")))
        .hasMessageContaining("'trigger' (object) has no missing");
  }
}
