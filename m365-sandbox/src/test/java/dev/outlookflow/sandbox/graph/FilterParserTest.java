package dev.outlookflow.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code $filter} forms the sandbox serves, and Graph's 400 for the rest. */
class FilterParserTest {
  private static final String KEY = "String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name IdempotencyKey";

  private final JsonObject report = message("Quarterly report: O'Brien and partners (draft, v2)", "Boss@Example.com",
      false, true, "high", "2026-03-01T10:00:00Z")
      .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", KEY).put("value", "run-1")));
  private final JsonObject news = message("News", "news@example.com", true, false, "normal", "2026-02-01T10:00:00Z");

  private static JsonObject message(String subject, String from, boolean isRead, boolean hasAttachments,
      String importance, String receivedDateTime) {
    return new JsonObject().put("subject", subject)
        .put("from", new JsonObject().put("emailAddress", new JsonObject().put("address", from)))
        .put("isRead", isRead).put("hasAttachments", hasAttachments).put("isDraft", false)
        .put("importance", importance).put("receivedDateTime", receivedDateTime);
  }

  private List<String> matching(String filter) {
    Predicate<JsonObject> test = ODataQuery.filter(filter);
    return Stream.of(report, news).filter(test).map(m -> m.getString("subject")).map(s -> s.split(":")[0]).toList();
  }

  @Nested
  class Served {
    @Test
    void comparisonsOnEachProperty() {
      assertThat(matching("receivedDateTime ge 2026-02-15T00:00:00Z")).containsExactly("Quarterly report");
      assertThat(matching("receivedDateTime lt 2026-02-15T00:00:00Z")).containsExactly("News");
      assertThat(matching("from/emailAddress/address eq 'boss@example.com'")).containsExactly("Quarterly report");
      assertThat(matching("from/emailAddress/address ne 'boss@example.com'")).containsExactly("News");
      assertThat(matching("isRead eq false")).containsExactly("Quarterly report");
      assertThat(matching("isRead eq TRUE")).containsExactly("News");
      assertThat(matching("hasAttachments eq true")).containsExactly("Quarterly report");
      assertThat(matching("isDraft eq false")).containsExactly("Quarterly report", "News");
      assertThat(matching("importance eq 'high'")).containsExactly("Quarterly report");
      assertThat(matching("importance ne 'High'")).containsExactly("News");
    }

    @Test
    void aFolderByItsDisplayNameIgnoringCase() {
      Predicate<JsonObject> sent = ODataQuery.filter("displayName eq 'sent items'");
      assertThat(sent.test(new JsonObject().put("displayName", "Sent Items"))).isTrue();
      assertThat(sent.test(new JsonObject().put("displayName", "Inbox"))).isFalse();
    }

    @Test
    void containsAndStartswithOnTheSubjectIgnoringCase() {
      assertThat(matching("contains(subject,'o''brien')")).containsExactly("Quarterly report");
      assertThat(matching("startswith(subject,'quarterly')")).containsExactly("Quarterly report");
      assertThat(matching("CONTAINS( subject , 'NEWS' )")).containsExactly("News");
      assertThat(matching("startswith(subject,'report')")).isEmpty();
    }

    @Test
    void aLiteralMayHoldQuotesCommasParenthesesAndTheWordAnd() {
      assertThat(matching("contains(subject,': O''Brien and partners (draft, v2)')")).containsExactly("Quarterly report");
    }

    @Test
    void aSingleValueExtendedPropertyByIdAndValue() {
      assertThat(matching("singleValueExtendedProperties/Any(ep: ep/id eq '" + KEY + "' and ep/value eq 'run-1')"))
          .containsExactly("Quarterly report");
      assertThat(matching("singleValueExtendedProperties/any(p:p/id eq '" + KEY + "' and p/value eq 'run-2')")).isEmpty();
    }

    @Test
    void termsJoinedByAndInAnyCaseAndOrder() {
      String property = "singleValueExtendedProperties/any(ep: ep/id eq '" + KEY + "' and ep/value eq 'run-1')";
      assertThat(matching("hasAttachments eq true AND importance eq 'high'")).containsExactly("Quarterly report");
      assertThat(matching("isRead eq false and " + property)).containsExactly("Quarterly report");
      assertThat(matching(property + " and isRead eq true")).isEmpty();
      assertThat(matching("isRead eq false and " + property + " and contains(subject,'report')"))
          .containsExactly("Quarterly report");
    }

    @Test
    void noFilterServesEverything() {
      assertThat(matching(null)).hasSize(2);
      assertThat(matching("  ")).hasSize(2);
    }

    @Test
    void aFilterOfExactlyGraphsBoundIsServed() {
      String filter = "contains(subject,'" + "x".repeat(2028) + "')";
      assertThat(filter).hasSize(2048);
      assertThat(matching(filter)).isEmpty();
    }
  }

  @Nested
  class Refused {
    @ParameterizedTest
    @ValueSource(strings = {
        "size gt 5",
        "isRead eq maybe",
        "isRead EQ true",
        "isRead eq",
        "isRead eq false and",
        "isRead eq false or isRead eq true",
        "isRead eq false extra",
        "(isRead eq false)",
        "importance eq high",
        "receivedDateTime ge '2026-01-01T00:00:00Z'",
        "receivedDateTime ge yesterday",
        "contains(body,'x')",
        "contains(subject,'unterminated)",
        "contains(subject,'x'",
        "endswith(subject,'x')",
        "singleValueExtendedProperties/any(ep: other/id eq 'a' and ep/value eq 'b')",
        "singleValueExtendedProperties/any(ep ep/id eq 'a' and ep/value eq 'b')"})
    void whatTheSandboxDoesNotReadIsGraphsBadRequest(String filter) {
      assertThatThrownBy(() -> ODataQuery.filter(filter)).isInstanceOfSatisfying(GraphError.class, e -> {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("BadRequest");
        assertThat(e.getMessage()).startsWith("Invalid filter clause");
      });
    }

    @Test
    void theRefusalQuotesTheTermItCouldNotRead() {
      assertThatThrownBy(() -> ODataQuery.filter("isRead eq false and size gt 5"))
          .hasMessage("Invalid filter clause: size gt 5");
    }

    @Test
    void aFilterLongerThanGraphsBoundIsRefusedBeforeItIsRead() {
      String filter = "contains(subject,'" + "x".repeat(2029) + "')";
      assertThat(filter).hasSize(2049);
      assertThatThrownBy(() -> ODataQuery.filter(filter)).isInstanceOfSatisfying(GraphError.class, e -> {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("BadRequest");
        assertThat(e.getMessage()).contains("2049").contains("2048");
      });
    }
  }
}
