package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Long query options are read like short ones: a filter of 2,000 characters is served, one past Graph's
 * 2,048 is refused with Graph's 400, never a 500.
 */
class LongFiltersTest extends MailTest {



  private void deliver(String subject) throws Exception {
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail(subject, DemoSeed.ADMIN));
  }

  private Http.Answer messages(String filter) throws Exception {
    return sandbox.get("/v1.0/me/messages?$top=100&$filter=" + CodeFlow.encode(filter), users.megan);
  }

  private static String quoted(String literal) {
    return "'" + literal.replace("'", "''") + "'";
  }

  @Test
  void aContainsFilterOfTwoThousandCharactersFindsTheMessagesWhoseSubjectHoldsIt() throws Exception {
    // Quotes (written twice) and commas inside the literal, which must not end it.
    String needle = ("O'Brien's" + " quarterly figures, revised, checked again;".repeat(50)).substring(0, 2000);
    deliver("Re: " + needle + " (final)");
    deliver(needle.toUpperCase(java.util.Locale.ROOT));
    deliver(needle.substring(0, 1999) + "?");
    deliver("Lunch");
    String filter = "contains(subject," + quoted(needle) + ")";
    assertThat(filter.length()).isBetween(2000, 2048);

    Http.Answer found = messages(filter);

    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.json().getJsonArray("value").stream().map(m -> ((JsonObject) m).getString("subject")))
        .containsExactlyInAnyOrder("Re: " + needle + " (final)", needle.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void aFilterLongerThanGraphsBoundIsRefusedWithGraphsBadRequest() throws Exception {
    Http.Answer refused = messages("contains(subject,'" + "x".repeat(2100) + "')");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("request-id")).isNotBlank();
    JsonObject error = refused.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("BadRequest");
    assertThat(error.getString("message")).contains("$filter").contains("2048");
    assertThat(error.getJsonObject("innerError").getString("request-id")).isEqualTo(refused.header("request-id"));
    assertThat(error.getJsonObject("innerError").getString("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void anExpandOfAPropertyWithALongIdIsServed() throws Exception {
    String id = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name " + "Key".repeat(650);
    JsonObject draft = MailUsers.mail("Tagged", DemoSeed.USER).put("singleValueExtendedProperties",
        new JsonArray().add(new JsonObject().put("id", id).put("value", "run-1:send")));
    String created = sandbox.send("POST", "/v1.0/me/messages", users.megan, draft).json().getString("id");

    Http.Answer expanded = sandbox.get("/v1.0/me/messages/" + created + "?$expand="
        + CodeFlow.encode("singleValueExtendedProperties($filter=id eq " + quoted(id) + ")"), users.megan);

    assertThat(expanded.status()).as(expanded.body()).isEqualTo(200);
    assertThat(expanded.json().getJsonArray("singleValueExtendedProperties").getJsonObject(0).getString("value"))
        .isEqualTo("run-1:send");
  }
}
