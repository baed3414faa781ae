package dev.outlookflow.runtime.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.NewMailFlows;
import dev.outlookflow.runtime.support.NewMailRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new-mail trigger's filters through the packaged runtime against the sandbox: flows on one Inbox, each with
 * its filters, and one round of mail that each filter both takes and refuses; a flow runs exactly for the mail its
 * filters take, and counts the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewMailFiltersIT {
  private static final String DELTA = "/v1.0/users/*/mailFolders/*/messages/delta";
  private static final String TEAM = "team@northwind.com";
  private static final String SALES = "sales@northwind.com";

  private NewMailRuntime runtime;
  private ApiClient api;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    runtime = NewMailRuntime.start(temp);
    api = runtime.api();
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  /** A mail to deliver, named for what it is: from, To, Cc, subject, importance. */
  private record Mail(String name, String from, List<String> to, List<String> cc, String subject, String importance) {
    JsonObject message() {
      return new JsonObject().put("from", recipient(from)).put("toRecipients", recipients(to))
          .put("ccRecipients", recipients(cc)).put("subject", subject).put("importance", importance)
          .put("body", new JsonObject().put("contentType", "text").put("content", name));
    }

    private static JsonArray recipients(List<String> addresses) {
      return new JsonArray(addresses.stream().map(Mail::recipient).toList());
    }

    private static JsonObject recipient(String address) {
      return new JsonObject().put("emailAddress", new JsonObject().put("name", address).put("address", address));
    }
  }

  private static final List<Mail> MAILS = List.of(
      new Mail("fromSubdomain", "b@eu.fabrikam.com", List.of(TEAM), List.of(), "Weekly news", "normal"),
      new Mail("fromLookalike", "c@notfabrikam.com", List.of(TEAM), List.of(), "Weekly news", "normal"),
      new Mail("toSales", "d@tailspin.com", List.of(TEAM, SALES), List.of(), "Hello", "normal"),
      new Mail("ccSales", "d@tailspin.com", List.of(TEAM), List.of("Sales@Northwind.com"), "Hello", "normal"),
      new Mail("invoice", "d@tailspin.com", List.of(TEAM), List.of(), "Your INVOICE 42", "normal"),
      new Mail("high", "d@tailspin.com", List.of(TEAM), List.of(), "Hello", "high"),
      new Mail("ceo", "CEO@Northwind.com", List.of(TEAM), List.of(), "Hello", "low"),
      new Mail("fabrikamHighOrder", "a@fabrikam.com", List.of(TEAM), List.of(), "New order 7", "high"),
      new Mail("fabrikamNormalOrder", "a@fabrikam.com", List.of(TEAM), List.of(), "New order 8", "normal"));

  @Test
  void eachFlowRunsForExactlyTheMailItsFiltersTakeAndCountsTheOthers() {
    OutlookTenant tenant = runtime.tenant();
    Map<String, String> flows = new LinkedHashMap<>();
    flows.put("unfiltered", enabled("unfiltered", new JsonObject()));
    flows.put("fromDomain", enabled("fromDomain", filter("from", "@fabrikam.com")));
    flows.put("to", enabled("to", filter("to", SALES)));
    flows.put("cc", enabled("cc", filter("cc", SALES)));
    flows.put("toOrCc", enabled("toOrCc", filter("toOrCc", SALES)));
    flows.put("subject", enabled("subject", new JsonObject().put("subjectContains", "invoice")));
    flows.put("importance", enabled("importance", filter("importance", "high")));
    flows.put("severalValues", enabled("severalValues", filter("from", "ceo@northwind.com",
        "@eu.fabrikam.com")));
    flows.put("severalFilters", enabled("severalFilters", filter("from", "@fabrikam.com")
        .put("subjectContains", "ORDER").put("importance", new JsonArray().add("high"))));

    Map<String, String> ids = deliverInOneRound(tenant);

    runtime.process().explaining(() ->
        NewMailFlows.awaitRunsFor(api, flows.get("unfiltered"), List.copyOf(ids.values()), Duration.ofSeconds(60)));
    // Every flow's emits of a round end before the next round begins.
    NewMailFlows.awaitNextRound(api, flows.get("unfiltered"));
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("unfiltered", ids.keySet());
    expected.put("fromDomain", Set.of("fromSubdomain", "fabrikamHighOrder", "fabrikamNormalOrder"));
    expected.put("to", Set.of("toSales"));
    expected.put("cc", Set.of("ccSales"));
    expected.put("toOrCc", Set.of("toSales", "ccSales"));
    expected.put("subject", Set.of("invoice"));
    expected.put("importance", Set.of("high", "fabrikamHighOrder"));
    expected.put("severalValues", Set.of("ceo", "fromSubdomain"));
    expected.put("severalFilters", Set.of("fabrikamHighOrder"));
    Map<String, String> names = ids.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    for (Map.Entry<String, Set<String>> flow : expected.entrySet()) {
      String id = flows.get(flow.getKey());
      Map<String, Long> perKey = NewMailFlows.runsPerKey(api, id);
      assertThat(perKey.keySet().stream().map(names::get).collect(Collectors.toSet())).as(flow.getKey())
          .isEqualTo(flow.getValue());
      assertThat(perKey.values()).as(flow.getKey() + ": one run per mail").containsOnly(1L);
      JsonObject status = NewMailFlows.status(api, id);
      assertThat(NewMailFlows.count(status, "flowFilteredOut")).as(flow.getKey() + " counts what it refused")
          .isEqualTo(MAILS.size() - flow.getValue().size());
      assertThat(NewMailFlows.count(status, "flowRunsStarted")).isEqualTo(flow.getValue().size());
    }
    JsonObject severalFilters = NewMailFlows.status(api, flows.get("severalFilters"));
    assertThat(NewMailFlows.source(severalFilters).getJsonObject("counts").getMap())
        .as("each refusal counted under the first filter the mail failed, in the panel's order")
        .containsEntry("flowFilteredOut.from", 6).containsEntry("flowFilteredOut.subjectContains", 1)
        .containsEntry("flowFilteredOut.importance", 1);
  }

  @Test
  void aFilterValueThatIsNeitherAnAddressNorADomainIsRefusedWhenTheFlowIsSaved() {
    JsonObject flow = NewMailFlows.flow("Bad filters", runtime.connection(), 30);
    flow.getJsonObject("trigger").getJsonObject("properties").mergeIn(filter("from", "fabrikam.com", "@fabrikam")
        .put("importance", new JsonArray().add("urgent")));

    ApiClient.Answer refused = api.post("/api/v1/flows", flow);

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    Map<String, String> fields = refused.json().getJsonArray("fields").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(f -> f.getString("field"), f -> f.getString("message")));
    String notAnAddress = "must be an address or a domain after @, e.g. someone@contoso.com or @contoso.com";
    assertThat(fields).containsEntry("trigger.properties.from[0]", notAnAddress)
        .containsEntry("trigger.properties.from[1]", notAnAddress)
        .containsEntry("trigger.properties.importance[0]", "must be one of: low, normal, high");
  }

  private static JsonObject filter(String property, String... values) {
    return new JsonObject().put(property, new JsonArray(List.of((Object[]) values)));
  }

  private String enabled(String name, JsonObject filters) {
    JsonObject flow = NewMailFlows.flow(name, runtime.connection(), 1);
    flow.getJsonObject("trigger").getJsonObject("properties").mergeIn(filters);
    return NewMailFlows.enabled(api, flow);
  }

  /**
   * Delivers every mail while the next round's delta request is held, so that one round brings them all; answers
   * their immutable ids (the runs' trigger keys) by name.
   */
  private static Map<String, String> deliverInOneRound(OutlookTenant tenant) {
    tenant.fault(new JsonObject().put("method", "GET").put("path", DELTA).put("times", 1)
        .put("fault", new JsonObject().put("type", "hold")));
    Eventually.await("the next round's request to be held",
        () -> tenant.controlGet("/faults").getInteger("held") == 1 ? true : null);
    Map<String, String> ids = new LinkedHashMap<>();
    for (Mail mail : MAILS) {
      ApiClient.Answer delivered = tenant.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages",
          mail.message());
      assertThat(delivered.status()).as(delivered.text()).isEqualTo(201);
      ids.put(mail.name(), delivered.json().getString("id"));
    }
    tenant.control("/faults/release", new JsonObject());
    return ids;
  }
}
