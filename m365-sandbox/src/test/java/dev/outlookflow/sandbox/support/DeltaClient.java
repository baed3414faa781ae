package dev.outlookflow.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A delta client as a trigger would be one: follows nextLinks to the deltaLink, keeps every page's items. */
public final class DeltaClient {
  private final RunningSandbox sandbox;
  private final String bearer;
  private final String[] headers;

  public DeltaClient(RunningSandbox sandbox, String bearer, String... headers) {
    this.sandbox = sandbox;
    this.bearer = bearer;
    this.headers = headers;
  }

  /** A whole round: its pages' items in order, the pages, and the deltaLink it ended with. */
  public record Round(List<JsonObject> items, List<JsonObject> pages, String deltaLink) {
    public List<String> subjects() {
      return items.stream().map(i -> i.getString("subject")).toList();
    }

    public List<String> ids() {
      return items.stream().map(i -> i.getString("id")).toList();
    }
  }

  /** Starts with a path (the first request) or a link a page answered, and reads to the end of the round. */
  public Round round(String pathOrLink) throws Exception {
    List<JsonObject> items = new ArrayList<>();
    List<JsonObject> pages = new ArrayList<>();
    String next = pathOrLink;
    for (int page = 0; page < 10_000; page++) {
      Http.Answer answer = page(next);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      JsonObject body = answer.json();
      pages.add(body);
      body.getJsonArray("value").forEach(item -> items.add((JsonObject) item));
      if (body.containsKey("@odata.deltaLink")) {
        assertThat(body.containsKey("@odata.nextLink")).isFalse();
        return new Round(items, pages, body.getString("@odata.deltaLink"));
      }
      next = body.getString("@odata.nextLink");
    }
    throw new AssertionError("no deltaLink after 10,000 pages");
  }

  /** One request: a path under the sandbox or a whole link it answered. */
  public Http.Answer page(String pathOrLink) throws Exception {
    String path = pathOrLink.startsWith(sandbox.baseUrl()) ? pathOrLink.substring(sandbox.baseUrl().length()) : pathOrLink;
    return sandbox.send("GET", path, bearer, null, headers);
  }
}
