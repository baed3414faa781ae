package dev.outlookflow.outlook.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlookflow.uischema.form.Form;
import org.junit.jupiter.api.Test;

class OutlookConnectionFormTest {
  private final Form form = Form.of(OutlookConnectionType.DESCRIPTOR.properties());

  @Test
  void fieldsShowOnlyWhenTheyApply() {
    String ui = form.ui().toString();
    assertThat(ui).contains("\"scope\":\"#/properties/clientSecret\"");
    JsonNode secret = find(form.ui(), "#/properties/clientSecret");
    assertThat(secret.at("/rule/condition/schema/enum").toString())
        .isEqualTo("[\"authorization_code_pkce\",\"client_credentials\"]");
    assertThat(find(form.ui(), "#/properties/allowedMailboxes").at("/rule/condition/schema/enum").toString())
        .isEqualTo("[\"client_credentials\"]");
    assertThat(find(form.ui(), "#/properties/sharedMailboxesOnly").at("/rule/condition/schema/enum").toString())
        .isEqualTo("[\"authorization_code_pkce\"]");
  }

  @Test
  void cloudsAndModesAreDropdownsWithWordsAndSecretsAreWriteOnly() {
    assertThat(form.schema().at("/properties/cloud/enum").toString())
        .isEqualTo("[\"global\",\"us_gov_gcc_high\",\"us_gov_dod\",\"china\",\"sandbox\"]");
    assertThat(form.schema().at("/properties/authMode/enum").toString())
        .isEqualTo("[\"authorization_code_pkce\",\"client_credentials\",\"bearer_token\"]");
    assertThat(form.schema().at("/properties/clientSecret/writeOnly").asBoolean()).isTrue();
    assertThat(form.schema().at("/properties/bearerToken/writeOnly").asBoolean()).isTrue();
    assertThat(form.field("bearerToken").orElseThrow().help()).contains("expires after about an hour");
  }

  @Test
  void sharedMailboxesOnlySaysWhatEachChoiceAllowsAndWhenToCheckIt() {
    String help = form.field("sharedMailboxesOnly").orElseThrow().help();

    assertThat(help).startsWith("Checked: flows sign in with your account but read and send only in the shared "
        + "mailboxes you can open").contains("never in your personal mailbox")
        .contains("Recommended when others in the workspace use this connection")
        .contains("a dedicated service account")
        .contains("Unchecked: flows may use your personal mailbox and every shared mailbox you can open.");
    assertThat(form.schema().at("/properties/sharedMailboxesOnly/description").asText()).isEqualTo(help);
  }

  private static JsonNode find(JsonNode node, String scope) {
    if (scope.equals(node.path("scope").asText())) {
      return node;
    }
    for (JsonNode child : node.path("elements")) {
      JsonNode found = find(child, scope);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
