package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Clients tag drafts with an idempotency key in a single-value extended property, and find them by it. */
class ExtendedPropertiesTest extends MailTest {
  private static final String KEY = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name IdempotencyKey";



  private String draft(String key) throws Exception {
    JsonObject message = MailUsers.mail("Tagged " + key, DemoSeed.USER).put("singleValueExtendedProperties",
        new JsonArray().add(new JsonObject().put("id", KEY).put("value", key)));
    return sandbox.send("POST", "/v1.0/me/messages", users.megan, message).json().getString("id");
  }

  @Test
  void aDraftIsFoundByItsPropertyAndTheExpandShowsOnlyTheAskedOne() throws Exception {
    String first = draft("run-1:send");
    draft("run-2:send");

    String filter = CodeFlow.encode("singleValueExtendedProperties/Any(ep: ep/id eq '" + KEY + "' and ep/value eq 'run-1:send')");
    JsonArray found = sandbox.send("GET", "/v1.0/me/mailFolders/drafts/messages?$filter=" + filter, users.megan, null)
        .json().getJsonArray("value");
    assertThat(found).hasSize(1);
    assertThat(found.getJsonObject(0).getString("id")).isEqualTo(first);
    assertThat(found.getJsonObject(0).containsKey("singleValueExtendedProperties")).as("not unless expanded").isFalse();

    JsonObject expanded = sandbox.send("GET", "/v1.0/me/messages/" + first + "?$expand="
        + CodeFlow.encode("singleValueExtendedProperties($filter=id eq '" + KEY + "')"), users.megan, null).json();
    assertThat(expanded.getJsonArray("singleValueExtendedProperties").getJsonObject(0).getString("value"))
        .isEqualTo("run-1:send");
  }
}
