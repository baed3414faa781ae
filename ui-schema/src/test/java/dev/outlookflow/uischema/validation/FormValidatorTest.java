package dev.outlookflow.uischema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outlookflow.uischema.SampleForms;
import dev.outlookflow.uischema.expression.ExpressionScope;
import dev.outlookflow.uischema.form.Form;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FormValidator connection = new FormValidator(Form.of(SampleForms.Connection.class));
  private final FormValidator sendMail = new FormValidator(Form.of(SampleForms.SendMail.class));
  private final FormValidator filters = new FormValidator(Form.of(SampleForms.MailFilters.class));
  private final ExpressionScope onlyTrigger =
      path -> path.root().equals("trigger")
          ? Optional.empty()
          : Optional.of("unknown root '" + path.root() + "'");

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Nested
  class AtRunTime {
    @Test
    void anAttachmentAsANewMailEventCarriesItIsTakenAndAnUnknownPropertyIsStillRefused() {
      assertThat(sendMail.validate(json("""
          {"attachments": [{"name": "a.pdf", "contentType": "application/pdf", "size": 3, "isInline": false,
            "kind": "file", "contentBase64": "AQID"}]}
          """))).noneMatch(error -> error.field().startsWith("attachments"));
      assertThat(sendMail.validate(json("""
          {"attachments": [{"name": "a.pdf", "contentBase64": "AQID", "colour": "red"}]}
          """))).anyMatch(error -> error.field().startsWith("attachments"));
    }

    @Test
    void validValuesPass() {
      assertThat(connection.validate(json("""
          {"authMode": "auth_code", "clientId": "0b7c1a0e-7b1e-4b8e-9a3c-1d2e3f4a5b6c"}
          """))).isEmpty();
    }

    @Test
    void missingRequiredFieldIsNamedWithItsLabel() {
      assertThat(connection.validate(json("{\"authMode\": \"auth_code\"}")))
          .containsExactly(new FieldError("clientId", "Client ID is required"));
    }

    @Test
    void conditionalRequirementAppliesOnlyWhenVisible() {
      String clientId = "\"clientId\": \"0b7c1a0e-7b1e-4b8e-9a3c-1d2e3f4a5b6c\"";
      assertThat(connection.validate(json("{\"authMode\": \"client_credentials\", " + clientId + "}")))
          .containsExactly(new FieldError("clientSecret", "Client secret is required"));
      assertThat(connection.validate(json("{\"authMode\": \"auth_code\", " + clientId + "}")))
          .isEmpty();
    }

    @Test
    void wrongTypesPatternsAndChoicesAreFieldErrors() {
      List<FieldError> errors = connection.validate(json("""
          {"authMode": "password", "clientId": "nope", "sharedOnly": "yes", "extra": 1}
          """));
      assertThat(errors).extracting(FieldError::field)
          .containsExactly("authMode", "clientId", "extra", "sharedOnly");
      assertThat(errors.get(0).message()).isEqualTo("must be one of: auth_code, client_credentials");
      assertThat(errors.get(1).message()).contains("pattern");
      assertThat(errors.get(2).message()).contains("its properties are: authMode, clientId");
      assertThat(errors.get(3).message()).contains("boolean");
    }

    @Test
    void listItemsAreNamedByIndex() {
      List<FieldError> errors = sendMail.validate(json("""
          {"connection": "c1", "to": ["ok@contoso.com", "not-an-address"], "subject": "Hi"}
          """));
      assertThat(errors).extracting(FieldError::field).containsExactly("to[1]");
      assertThat(errors.get(0).message()).contains("email");
    }

    @Test
    void recipientsMayCarryADisplayNameButMustHoldAnAddress() {
      List<FieldError> errors = sendMail.validate(json("""
          {"connection": "c1", "to": ["a@contoso.com"], "subject": "Hi",
           "cc": ["Megan Bowen <megan@contoso.com>", " lee@contoso.com ", "Lee Gu", "<>"]}
          """));
      assertThat(errors).extracting(FieldError::field).containsExactly("cc[2]", "cc[3]");
      assertThat(errors.get(0).message()).isEqualTo(
          "must be an address, e.g. someone@contoso.com or Display Name <someone@contoso.com>");
    }

    @Test
    void addressesOrDomainsTakeAnAddressOrADomainAfterAnAt() {
      assertThat(filters.validate(json("""
          {"from": ["someone@contoso.com", "@contoso.com", "@eu.contoso.co.uk", "Lee.Gu+news@xn--bcher-kva.ch",
           "@bücher.ch"]}
          """))).isEmpty();
      List<FieldError> errors = filters.validate(json("""
          {"from": ["contoso.com", "@contoso", "@.com", "@contoso.com.", " @contoso.com", "a@b@contoso.com",
           "Lee Gu <lee@contoso.com>", "lee@contoso.com;ann@contoso.com", "", "@"]}
          """));
      assertThat(errors).extracting(FieldError::field).containsExactly("from[0]", "from[1]", "from[2]", "from[3]",
          "from[4]", "from[5]", "from[6]", "from[7]", "from[8]", "from[9]");
      assertThat(errors).extracting(FieldError::message).containsOnly(
          "must be an address or a domain after @, e.g. someone@contoso.com or @contoso.com");
    }

    @Test
    void addressesOrDomainsAreBoundedInNumberAndLength() {
      ArrayNode tooMany = JSON.createArrayNode();
      for (int i = 0; i <= 100; i++) {
        tooMany.add("user" + i + "@contoso.com");
      }
      String longest = "a".repeat(64) + "@" + "b".repeat(251) + ".com";
      assertThat(filters.validate(JSON.createObjectNode().set("from", JSON.createArrayNode().add(longest))))
          .isEmpty();
      assertThat(filters.validate(JSON.createObjectNode().set("from", tooMany)))
          .containsExactly(new FieldError("from", "must have at most 100 items but found 101"));
      assertThat(filters.validate(JSON.createObjectNode().set("from", JSON.createArrayNode().add("a" + longest))))
          .containsExactly(new FieldError("from[0]", "must be at most 320 characters long"));
    }

    @Test
    void aMultiSelectTakesEachChoiceOnce() {
      assertThat(filters.validate(json("{\"importance\": [\"high\", \"low\"]}"))).isEmpty();
      assertThat(filters.validate(json("{\"importance\": [\"high\", \"urgent\"]}")))
          .containsExactly(new FieldError("importance[1]", "must be one of: low, high"));
      assertThat(filters.validate(json("{\"importance\": [\"high\", \"high\"]}")))
          .containsExactly(new FieldError("importance", "Importance: choose each value once"));
    }

    @Test
    void emptyRequiredStringIsRejected() {
      assertThat(sendMail.validate(json("{\"connection\": \"c1\", \"to\": [\"a@contoso.com\"], \"subject\": \"\"}")))
          .extracting(FieldError::field).containsExactly("subject");
    }

    @Test
    void nonObjectIsRejected() {
      assertThat(sendMail.validate(json("[1]")))
          .containsExactly(new FieldError("", "properties must be a JSON object"));
    }
  }

  @Nested
  class AtDesignTime {
    @Test
    void expressionFieldsAreCheckedForSyntaxAndRootsOnly() {
      assertThat(sendMail.validateDesign(json("""
          {"connection": "c1", "to": "{{trigger.recipients}}", "subject": "Re: {{trigger.subject}}"}
          """), onlyTrigger)).isEmpty();
    }

    @Test
    void badSyntaxAndUnknownRootsAreReportedOnTheField() {
      List<FieldError> errors = sendMail.validateDesign(json("""
          {"connection": "c1", "to": ["{{steps.x.to}}"], "subject": "Re: {{trigger.subject"}
          """), onlyTrigger);
      assertThat(errors).containsExactly(
          new FieldError("subject", "expression opened at position 4 is not closed with }}"),
          new FieldError("to", "{{steps.x.to}}: unknown root 'steps'"));
    }

    @Test
    void literalFieldsAreStillValidatedAgainstTheSchema() {
      assertThat(sendMail.validateDesign(json("""
          {"connection": "c1", "to": ["{{trigger.from}}"], "subject": "Hi", "retries": "many"}
          """), onlyTrigger)).extracting(FieldError::field).containsExactly("retries");
    }

    @Test
    void anExpressionInAFieldThatTakesNoneIsRefusedSayingSo() {
      assertThat(connection.validateDesign(json("""
          {"authMode": "auth_code", "clientId": "{{trigger.id}}"}
          """), onlyTrigger)).containsExactly(new FieldError("clientId", "this field takes no expressions: type its "
          + "value itself (a {{...}} here would be sent as typed)"));
    }
  }
}
