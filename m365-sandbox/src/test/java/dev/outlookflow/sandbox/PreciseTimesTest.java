package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Times as Exchange keeps them: stored to the sub-second, compared so by {@code $filter}, answered in whole
 * seconds, so a mail shown as received at {@code :00Z} is {@code gt :00Z} (python-o365 #1084).
 */
class PreciseTimesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.400Z");
  private static final String SHOWN = "2026-03-01T10:00:00Z";
  private static final List<String> TIMES = List.of("createdDateTime", "lastModifiedDateTime", "receivedDateTime",
      "sentDateTime");

  private RunningSandbox sandbox;
  private MailUsers users;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.onStillClock(DemoSeed.seed(), NOW);
    users = MailUsers.of(sandbox);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private List<String> subjects(String mailbox, String filter) throws Exception {
    return sandbox.send("GET", "/v1.0/users/" + mailbox + "/messages?$filter=" + CodeFlow.encode(filter), users.app, null)
        .json().getJsonArray("value").stream().map(m -> ((JsonObject) m).getString("subject")).toList();
  }

  @Test
  void aFilterComparesTheStoredInstantWhileAnswersShowWholeSeconds() throws Exception {
    sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", MailUsers.mail("At .400", DemoSeed.ADMIN));

    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime gt 2026-03-01T10:00:00Z")).containsExactly("At .400");
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime ge 2026-03-01T10:00:00Z")).containsExactly("At .400");
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime ne 2026-03-01T10:00:00Z")).containsExactly("At .400");
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime lt 2026-03-01T10:00:01Z")).containsExactly("At .400");
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime le 2026-03-01T10:00:00Z")).isEmpty();
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime eq 2026-03-01T10:00:00Z")).isEmpty();
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime ge 2026-03-01T10:00:01Z")).isEmpty();
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime eq 2026-03-01T10:00:00.400Z")).containsExactly("At .400");

    JsonObject listed = sandbox.send("GET", "/v1.0/users/" + DemoSeed.ADMIN + "/messages", users.app, null).json()
        .getJsonArray("value").getJsonObject(0);
    JsonObject read = sandbox.send("GET", "/v1.0/users/" + DemoSeed.ADMIN + "/messages/" + listed.getString("id"),
        users.app, null).json();
    JsonObject controlled = sandbox.get("/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages", null)
        .json().getJsonArray("value").getJsonObject(0);
    for (JsonObject answer : List.of(listed, read, controlled)) {
      for (String time : TIMES) {
        assertThat(answer.getString(time)).as(time).isEqualTo(SHOWN);
      }
    }
  }

  @Test
  void mailSentInsideTheTenantIsFilteredPreciselyToo() throws Exception {
    JsonObject mail = MailUsers.mail("Sent at .400", DemoSeed.USER);
    mail.getJsonArray("toRecipients").add(new JsonObject().put("emailAddress",
        new JsonObject().put("address", "someone@example.com")));
    assertThat(sandbox.send("POST", "/v1.0/me/sendMail", users.megan, new JsonObject().put("message", mail)).status())
        .isEqualTo(202);

    assertThat(subjects(DemoSeed.USER, "receivedDateTime gt 2026-03-01T10:00:00Z")).containsExactly("Sent at .400");
    assertThat(subjects(DemoSeed.USER, "receivedDateTime le 2026-03-01T10:00:00Z")).isEmpty();
    assertThat(subjects(DemoSeed.ADMIN, "receivedDateTime gt 2026-03-01T10:00:00Z")).containsExactly("Sent at .400");
    JsonObject delivered = sandbox.send("GET", "/v1.0/users/" + DemoSeed.USER + "/messages", users.app, null).json()
        .getJsonArray("value").getJsonObject(0);
    JsonObject outside = sandbox.get("/_sandbox/outbox", null).json().getJsonArray("value").getJsonObject(0);
    for (String time : TIMES) {
      assertThat(delivered.getString(time)).as(time).isEqualTo(SHOWN);
      assertThat(outside.getString(time)).as(time).isEqualTo(SHOWN);
    }
  }
}
