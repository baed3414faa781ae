package dev.outlookflow.uischema.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.uischema.form.Attachment;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBindingTest {
  enum SendMode { AS_MAILBOX, ON_BEHALF }

  record Mail(SendMode sendMode, List<String> to, boolean saveToSentItems, List<Attachment> attachments) {}

  private static ObjectNode values() {
    ObjectNode values = JsonNodeFactory.instance.objectNode().put("sendMode", "on_behalf").put("saveToSentItems", true);
    values.putArray("to").add("megan@contoso.com");
    return values;
  }

  @Test
  void aDropdownsLowerCaseValueBindsToItsEnumConstantAndIsWrittenBackLowerCase() {
    Mail mail = RecordBinding.bind(values(), Mail.class);

    assertThat(mail.sendMode()).isEqualTo(SendMode.ON_BEHALF);
    assertThat(mail.to()).containsExactly("megan@contoso.com");
    assertThat(RecordBinding.object(mail).get("sendMode").asText()).isEqualTo("on_behalf");
  }

  @Test
  void aLargeValueIsHandedOverNotCopied() {
    String content = "QUJD".repeat(1_000_000);
    ObjectNode values = values();
    values.putArray("attachments").addObject().put("name", "a.bin").put("contentBase64", content);

    Mail mail = RecordBinding.bind(values, Mail.class);

    assertThat(mail.attachments().get(0).contentBase64()).isSameAs(content);
    assertThat(RecordBinding.object(mail).get("attachments").get(0).get("contentBase64").textValue()).isSameAs(content);
  }

  record Counter(int limit, List<Attachment> attachments) {}

  @Test
  void valuesTheRecordCannotHoldAreRefusedNamingTheFieldAndWhy() {
    assertThatThrownBy(() -> RecordBinding.bind(values().put("sendMode", "sideways"), Mail.class))
        .isInstanceOfSatisfying(BindingException.class, e -> assertThat(e.field()).isEqualTo("sendMode"))
        .hasMessageStartingWith("'sendMode' cannot be read as Mail expects: ")
        .hasMessageContaining("\"sideways\"").hasMessageNotContainingAny("\n", "[Source");
    ObjectNode tooLarge = JsonNodeFactory.instance.objectNode().put("limit", 3_000_000_000L);
    assertThatThrownBy(() -> RecordBinding.bind(tooLarge, Counter.class))
        .isInstanceOfSatisfying(BindingException.class, e -> assertThat(e.field()).isEqualTo("limit"))
        .hasMessageContaining("out of range of int");
    ObjectNode badItem = JsonNodeFactory.instance.objectNode().put("limit", 1);
    badItem.putArray("attachments").addObject().putArray("name");
    assertThatThrownBy(() -> RecordBinding.bind(badItem, Counter.class))
        .isInstanceOfSatisfying(BindingException.class, e -> assertThat(e.field()).isEqualTo("attachments[0].name"));
  }

  @Test
  void keysTheRecordDoesNotHaveAreLeftToTheFormsSchemaAndIgnoredHere() {
    // A connection stored by an earlier version of its plugin may hold a field the record has since dropped.
    assertThat(RecordBinding.bind(values().put("colour", "red"), Mail.class).sendMode()).isEqualTo(SendMode.ON_BEHALF);
  }

  @Test
  void onlyWhatIsWrittenAsAnObjectIsAnObject() {
    assertThatThrownBy(() -> RecordBinding.object("text"))
        .hasMessage("String is not written as a JSON object");
  }
}
