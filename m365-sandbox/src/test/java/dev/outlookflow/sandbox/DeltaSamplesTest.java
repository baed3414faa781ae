package dev.outlookflow.sandbox;

import static dev.outlookflow.sandbox.support.Samples.assertSameShape;
import static dev.outlookflow.sandbox.support.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.DeltaClient;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's delta pages have the fields and types of Microsoft's documented delta samples. */
class DeltaSamplesTest extends MailTest {
  private static final String INBOX_DELTA = DeltaQueryTest.INBOX_DELTA;

  private DeltaClient delta;

  @BeforeEach
  void bind() {
    delta = new DeltaClient(sandbox, users.megan, "Prefer", "odata.maxpagesize=2");
  }

  private JsonObject deliveredFromDana(String subject) throws Exception {
    return sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/inbox/messages",
        MailUsers.mail(subject, DemoSeed.ADMIN).put("from", new JsonObject().put("emailAddress",
            new JsonObject().put("name", "Dana Swope").put("address", "danas@contoso.com")))).json();
  }

  /** The page's own fields and each item's against the sample's first item of the same kind. */
  private static void assertPageLike(JsonObject sample, JsonObject page) {
    assertSameShape(sample, page, "page");
    JsonObject sampleItem = sample.getJsonArray("value").stream().map(JsonObject.class::cast)
        .filter(i -> !i.containsKey("@removed")).findFirst().orElseThrow();
    page.getJsonArray("value").stream().map(JsonObject.class::cast).filter(i -> !i.containsKey("@removed"))
        .forEach(item -> assertSameShape(sampleItem, item, "item"));
  }

  @Test
  void theFirstRoundsPagesLookLikeTheDocumentedOnes() throws Exception {
    for (int i = 1; i <= 3; i++) {
      deliveredFromDana("Holiday " + i);
    }
    DeltaClient.Round round = delta.round(INBOX_DELTA);
    assertThat(round.pages()).hasSize(2);
    assertPageLike(sample("delta-messages-page1-nextLink.json"), round.pages().get(0));
    assertPageLike(sample("delta-messages-page3-deltaLink.json"), round.pages().get(1));
  }

  @Test
  void aNextRoundWithARemovalLooksLikeTheDocumentedOne() throws Exception {
    JsonObject gone = deliveredFromDana("Gone");
    String link = delta.round(INBOX_DELTA).deltaLink();
    sandbox.send("POST", "/v1.0/me/messages/" + gone.getString("restId") + "/permanentDelete", users.megan, null);
    deliveredFromDana("Holiday hours update");

    JsonObject page = delta.round(link).pages().get(0);
    JsonObject sample = sample("delta-messages-next-round-removed.json");
    // The documented sample writes isRead as the string "true", a typo: the property is an Edm.Boolean.
    sample.getJsonArray("value").getJsonObject(1).put("isRead", true);
    assertPageLike(sample, page);
    JsonObject removed = page.getJsonArray("value").stream().map(JsonObject.class::cast)
        .filter(i -> i.containsKey("@removed")).findFirst().orElseThrow();
    assertSameShape(sample.getJsonArray("value").getJsonObject(0), removed, "removed");
    assertThat(removed.fieldNames()).containsExactlyInAnyOrder("@odata.type", "id", "@removed");
  }

  @Test
  void aCreatedOnlyRoundLooksLikeTheDocumentedOne() throws Exception {
    String link = delta.round(INBOX_DELTA + "?changeType=created").deltaLink();
    deliveredFromDana("Nested Attachment");
    deliveredFromDana("Attachment Testing");
    assertPageLike(sample("delta-messages-changeType-created-next-round.json"), delta.round(link).pages().get(0));
  }
}
