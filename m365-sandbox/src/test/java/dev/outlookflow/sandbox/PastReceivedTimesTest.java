package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mail delivered by the control API with a {@code receivedDateTime} of its own: folders filled with older mail. */
class PastReceivedTimesTest extends MailTest {



  private Http.Answer deliver(String subject, String receivedDateTime) throws Exception {
    JsonObject message = MailUsers.mail(subject, DemoSeed.ADMIN);
    if (receivedDateTime != null) {
      message.put("receivedDateTime", receivedDateTime);
    }
    return sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/archive/messages", message);
  }

  private List<String> subjects(String query) throws Exception {
    return sandbox.send("GET", "/v1.0/me/mailFolders/archive/messages?" + query, users.megan, null).json()
        .getJsonArray("value").stream().map(m -> ((JsonObject) m).getString("subject")).toList();
  }

  @Test
  void mailIsIndexedListedAndFilteredByTheReceivedTimeItWasGiven() throws Exception {
    deliver("Today", null);
    deliver("March", "2024-03-01T08:00:00.750Z");
    assertThat(deliver("January", "2024-01-15T09:30:00+01:00").json().getString("receivedDateTime"))
        .isEqualTo("2024-01-15T08:30:00Z");
    deliver("March, a moment earlier", "2024-03-01T08:00:00.250Z");

    assertThat(subjects("")).containsExactly("Today", "March", "March, a moment earlier", "January");
    assertThat(subjects("$orderby=receivedDateTime%20asc"))
        .containsExactly("January", "March, a moment earlier", "March", "Today");
    assertThat(subjects("$filter=" + CodeFlow.encode("receivedDateTime lt 2024-12-31T00:00:00Z and receivedDateTime gt "
        + "2024-03-01T08:00:00.500Z"))).containsExactly("March");
    assertThat(subjects("$filter=" + CodeFlow.encode("receivedDateTime lt 2024-03-01T08:00:00Z")))
        .containsExactly("January");
    JsonObject march = sandbox.send("GET", "/v1.0/me/mailFolders/archive/messages?$top=1&$skip=1", users.megan, null)
        .json().getJsonArray("value").getJsonObject(0);
    assertThat(march.getString("receivedDateTime")).isEqualTo("2024-03-01T08:00:00Z");
    assertThat(march.getString("sentDateTime")).isEqualTo("2024-03-01T08:00:00Z");
  }

  @Test
  void aReceivedTimeThatIsNoInstantIsRefusedNamingTheField() throws Exception {
    for (String wrong : List.of("yesterday", "2024-03-01", "2024-03-01T08:00:00")) {
      Http.Answer refused = deliver("Never", wrong);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().getString("error")).startsWith("receivedDateTime: ");
    }
    assertThat(subjects("")).isEmpty();
  }
}
