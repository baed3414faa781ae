package dev.outlookflow.uischema.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  @Test
  void wholeValueExpressionIsRecognised() {
    Template template = Template.parse("{{ steps.fetch.items[0]['odd key'] }}");
    assertThat(template.wholeValueExpression()).isPresent();
    assertThat(template.wholeValueExpression().get().toString())
        .isEqualTo("steps.fetch.items[0].odd key");
  }

  @Test
  void textWithExpressionsSplitsIntoParts() {
    Template template = Template.parse("Re: {{trigger.subject}} from {{trigger.from}}");
    assertThat(template.wholeValueExpression()).isEmpty();
    assertThat(template.parts()).hasSize(4);
    assertThat(template.paths()).extracting(Path::toString)
        .containsExactly("trigger.subject", "trigger.from");
  }

  @Test
  void backslashEscapesALiteralOpening() {
    Template template = Template.parse("use \\{{name}} literally");
    assertThat(template.paths()).isEmpty();
    assertThat(template.parts()).containsExactly(new Template.Literal("use {{name}} literally"));
    assertThat(Template.mayContainExpression("use \\{{name}}")).isFalse();
    assertThat(Template.mayContainExpression("a {{b}}")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hello {{trigger.subject|not closed with }}",
      "{{}}|empty expression",
      "{{trigger..x}}|a name is expected",
      "{{trigger.items[x]}}|an index like [0]",
      "{{trigger.items[0}}|not closed with ']'",
      "{{trigger subject}}|unexpected ' '",
      "{{1abc}}|a name is expected"})
  void syntaxErrorsSayWhatIsWrong(String text, String expected) {
    assertThatThrownBy(() -> Template.parse(text))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining(expected);
  }
}
