package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples the README and the OpenAPI document show work against the shipped runtime, its Outlook
 * plugin and its sandbox: each flow is accepted, each extension id is in the catalog.
 */
class DocumentedExamplesIT {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CURL_FLOW = Pattern.compile("POST \\$R/api/v1/flows -d '(.*?)'", Pattern.DOTALL);
  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private ApiClient api;
  private String connection;

  @BeforeEach
  void start() {
    api = outlook.runtime().api();
    connection = outlook.runtime().tenant().appOnlyConnection(DemoSeed.USER);
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
  }

  /** Every flow the README shows, in a JSON block or sent by curl. */
  private static List<String> readmeFlows() throws Exception {
    List<String> flows = new ArrayList<>();
    for (Pattern pattern : List.of(JSON_BLOCK, CURL_FLOW)) {
      Matcher m = pattern.matcher(readme());
      while (m.find()) {
        if (m.group(1).contains("\"steps\"")) {
          flows.add(m.group(1));
        }
      }
    }
    return flows;
  }

  private void assertAccepted(String flow, String where) {
    ApiClient.Answer created = api.send("POST", "/api/v1/flows", flow.replace("CONNECTION_ID", connection),
        "application/json");
    assertThat(created.status()).as(where + ": " + flow + " -> " + created.text()).isEqualTo(201);
  }

  @Test
  void everyFlowTheReadmeShowsIsAccepted() throws Exception {
    List<String> flows = readmeFlows();

    assertThat(flows).as("the README's flows").hasSizeGreaterThanOrEqualTo(2);
    flows.forEach(flow -> assertAccepted(flow, "README"));
  }

  @Test
  void theOpenApiDocumentsExamplesNameLoadedExtensionsAndItsFlowIsAccepted() {
    JsonObject document = api.get("/api/v1/openapi.json").json();
    Set<String> loaded = new HashSet<>();
    JsonObject catalog = api.get("/api/v1/catalog").json();
    for (String kind : List.of("connectionTypes", "actions", "triggers")) {
      catalog.getJsonArray(kind).forEach(entry -> loaded.add(((JsonObject) entry).getString("id")));
    }

    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    List<String> extensionIds = new ArrayList<>(schemas.getJsonObject("CatalogEntry").getJsonObject("properties")
        .getJsonObject("id").getJsonArray("examples").stream().map(String::valueOf).toList());
    document.getJsonObject("paths").getJsonObject("/api/v1/catalog/{kind}/{extensionId}/options/{field}")
        .getJsonObject("post").getJsonArray("parameters").stream().map(JsonObject.class::cast)
        .filter(p -> "extensionId".equals(p.getString("name"))).forEach(p -> extensionIds.add(p.getString("example")));

    assertThat(extensionIds).isNotEmpty().allSatisfy(id -> assertThat(loaded).contains(id));
    assertAccepted(schemas.getJsonObject("FlowInput").getJsonObject("example").encode(), "OpenAPI FlowInput");
    JsonArray triggerTypes = schemas.getJsonObject("FlowInput").getJsonObject("properties").getJsonObject("trigger")
        .getJsonObject("properties").getJsonObject("type").getJsonArray("examples");
    assertThat(triggerTypes.stream().map(String::valueOf).collect(Collectors.toList())).allSatisfy(type ->
        assertThat(loaded).as("trigger " + type).contains(type));
  }
}
