package dev.outlookflow.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Flows started by the Outlook new-mail trigger, for tests: their steps come from the test plugin and make no
 * Graph call, so that the sandbox's counters show the trigger's requests only. Also what the sandbox delivered,
 * to compare with the runs.
 */
public final class NewMailFlows {
  private NewMailFlows() {}

  /** A flow: new mail in the connection's Inbox, checked every {@code pollSeconds}, then an echo of the subject. */
  public static JsonObject flow(String name, String connection, int pollSeconds) {
    return flow(name, connection, pollSeconds, null);
  }

  /** The same, on {@code mailbox} (null: the connection's). */
  public static JsonObject flow(String name, String connection, int pollSeconds, String mailbox) {
    JsonObject properties = new JsonObject().put("connection", connection).put("pollInterval", pollSeconds);
    if (mailbox != null) {
      properties.put("mailbox", mailbox);
    }
    return new JsonObject().put("name", name)
        .put("trigger", new JsonObject().put("type", "outlook/new-mail").put("properties", properties))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "echo").put("type", "test/echo")
            .put("properties", new JsonObject().put("message", "{{trigger.subject}}"))));
  }

  /** Creates and enables the flow; waits until its watcher has had a round (a new watcher's is its baseline). */
  public static String enabled(ApiClient api, JsonObject flow) {
    String id = Runs.createFlow(api, flow);
    ApiClient.Answer enabled = api.post("/api/v1/flows/" + id + "/enable", null);
    assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
    awaitRound(api, id);
    return id;
  }

  /** Waits until the flow's trigger reports a finished round; answers its status. */
  public static JsonObject awaitRound(ApiClient api, String flowId) {
    return Eventually.await("a round of flow " + flowId + "'s watcher", () -> {
      JsonObject status = status(api, flowId);
      JsonObject source = source(status);
      return source != null && source.getString("lastRound") != null ? status : null;
    });
  }

  /** Waits until the flow's watcher has finished a round that began after this call; answers its status. */
  public static JsonObject awaitNextRound(ApiClient api, String flowId) {
    long before = count(status(api, flowId), "rounds");
    return Eventually.await("two more rounds of flow " + flowId + "'s watcher", () -> {
      JsonObject status = status(api, flowId);
      // One more might have begun before this call: the second one began after it.
      return count(status, "rounds") >= before + 2 ? status : null;
    });
  }

  /** {@code GET /api/v1/flows/{id}/trigger}. */
  public static JsonObject status(ApiClient api, String flowId) {
    ApiClient.Answer answer = api.get("/api/v1/flows/" + flowId + "/trigger");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  /** The report's only source (the Inbox), or null before the trigger reported. */
  public static JsonObject source(JsonObject status) {
    JsonObject report = status.getJsonObject("report");
    return report == null || report.getJsonArray("sources").isEmpty() ? null
        : report.getJsonArray("sources").getJsonObject(0);
  }

  public static long count(JsonObject status, String name) {
    JsonObject source = source(status);
    return source == null ? 0 : source.getJsonObject("counts").getLong(name, 0L);
  }

  /** Every run of the flow, following the list's cursor. */
  public static List<JsonObject> runs(ApiClient api, String flowId) {
    List<JsonObject> runs = new ArrayList<>();
    String cursor = null;
    do {
      ApiClient.Answer page = api.get("/api/v1/flows/" + flowId + "/runs?limit=200"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.json().getJsonArray("runs").forEach(run -> runs.add((JsonObject) run));
      cursor = page.json().getString("next");
    } while (cursor != null);
    return runs;
  }

  /** How many runs each trigger key has. */
  public static Map<String, Long> runsPerKey(ApiClient api, String flowId) {
    return runs(api, flowId).stream().collect(Collectors.groupingBy(r -> String.valueOf(r.getString("triggerKey")),
        LinkedHashMap::new, Collectors.counting()));
  }

  /** Waits until the flow has a run for each of {@code keys} (or more runs than keys); answers runs per key. */
  public static Map<String, Long> awaitRunsFor(ApiClient api, String flowId, List<String> keys, Duration deadline) {
    try {
      return Eventually.await(keys.size() + " runs of flow " + flowId, deadline, () -> {
        Map<String, Long> perKey = runsPerKey(api, flowId);
        return perKey.keySet().containsAll(keys) ? perKey : null;
      });
    } catch (AssertionError timedOut) {
      Map<String, Long> perKey = runsPerKey(api, flowId);
      throw new AssertionError(timedOut.getMessage() + "; " + keys.stream().filter(k -> !perKey.containsKey(k)).count()
          + " missing; the trigger's status: " + status(api, flowId).encodePrettily(), timedOut);
    }
  }

  /** The sandbox's record of mail delivered since {@code afterSeq}, oldest first. */
  public static List<JsonObject> deliveries(OutlookTenant tenant, long afterSeq) {
    List<JsonObject> all = new ArrayList<>();
    long after = afterSeq;
    while (true) {
      JsonObject page = tenant.controlGet("/deliveries?after=" + after + "&limit=1000");
      page.getJsonArray("value").forEach(d -> all.add((JsonObject) d));
      if (page.getValue("next") == null || page.getJsonArray("value").isEmpty()) {
        return all;
      }
      after = page.getLong("next");
    }
  }

  /** The newest delivery's number: deliveries after it are a test's own. */
  public static long lastDelivery(OutlookTenant tenant) {
    List<JsonObject> all = deliveries(tenant, 0);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).getLong("seq");
  }

  /** Waits for a stream the sandbox runs to finish. */
  public static JsonObject stream(OutlookTenant tenant, JsonObject request) {
    ApiClient.Answer started = tenant.control("/streams", request);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    String id = started.json().getString("id");
    return Eventually.await("stream " + id + " to finish", Duration.ofMinutes(2), () -> {
      JsonObject status = tenant.controlGet("/streams/" + id);
      return "done".equals(status.getString("state")) ? status : null;
    });
  }

  public static List<String> immutableIds(List<JsonObject> deliveries) {
    return deliveries.stream().map(d -> d.getString("immutableId")).toList();
  }

  /** Keys with more than one run, or without one. */
  public static String discrepancies(Map<String, Long> perKey, List<String> expected) {
    Function<String, Long> runs = key -> perKey.getOrDefault(key, 0L);
    String wrong = expected.stream().filter(k -> runs.apply(k) != 1).map(k -> k + "=" + runs.apply(k))
        .collect(Collectors.joining(", "));
    String extra = perKey.keySet().stream().filter(k -> !expected.contains(k)).collect(Collectors.joining(", "));
    return (wrong.isEmpty() ? "" : "not one run each: " + wrong) + (extra.isEmpty() ? "" : " runs for keys not delivered: " + extra);
  }
}
