package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspaces keep to themselves; designers use connections without seeing or changing them. Workspace B
 * (with its connection, flow and run) is shared; each test gets a new, empty workspace A, so none sees
 * what another created, whatever order they run in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {
  private InProcessRuntime runtime;
  private ApiClient instance;
  private String workspaceA;
  private String workspaceB;
  private ApiClient adminA;
  private ApiClient designerA;
  private ApiClient adminB;
  private String connectionB;
  private String flowB;
  private String runB;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    runtime = InProcessRuntime.start(temp.resolve("data"), TestPlugins.folderWithTestPlugin(temp));
    instance = runtime.api();
    workspaceB = created(instance.post("/api/v1/workspaces", new JsonObject().put("name", "B")));
    adminB = key(workspaceB, "admin");
    connectionB = created(adminB.post("/api/v1/connections", connection("secret-of-b")));
    flowB = Runs.createFlow(adminB, flow(connectionB));
    runB = Runs.start(adminB, flowB, new JsonObject().put("who", "b"));
    Runs.awaitFinished(adminB, runB);
  }

  @BeforeEach
  void newWorkspaceA() {
    workspaceA = created(instance.post("/api/v1/workspaces", new JsonObject().put("name", "A")));
    adminA = key(workspaceA, "admin");
    designerA = key(workspaceA, "designer");
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  private static String created(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private ApiClient key(String workspace, String role) {
    ApiClient.Answer answer = instance.post("/api/v1/workspaces/" + workspace + "/keys", new JsonObject().put("role", role));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return instance.withKey(answer.json().getString("key"));
  }

  private static JsonObject connection(String apiKey) {
    return new JsonObject().put("type", "test/basic").put("name", "Mail")
        .put("properties", new JsonObject().put("apiKey", apiKey));
  }

  private static JsonObject flow(String connectionId) {
    return new JsonObject().put("name", "F").put("trigger", new JsonObject().put("type", "manual"))
        .put("steps", new JsonArray().add(new JsonObject().put("id", "a").put("type", "test/echo")
            .put("properties", new JsonObject().put("connection", connectionId).put("message", "hi {{trigger.who}}"))));
  }

  @Test
  void aKeyOfWorkspaceACanNeitherReadNorChangeAnythingOfWorkspaceB() {
    JsonObject body = new JsonObject().put("name", "x");
    List<ApiClient.Answer> answers = List.of(
        designerA.get("/api/v1/connections/" + connectionB),
        adminA.get("/api/v1/connections/" + connectionB),
        adminA.put("/api/v1/connections/" + connectionB, connection("stolen")),
        adminA.delete("/api/v1/connections/" + connectionB),
        adminA.post("/api/v1/connections/" + connectionB + "/test", null),
        adminA.post("/api/v1/connections/" + connectionB + "/authorize", null),
        designerA.get("/api/v1/flows/" + flowB),
        designerA.put("/api/v1/flows/" + flowB, flow(connectionB)),
        designerA.delete("/api/v1/flows/" + flowB),
        designerA.post("/api/v1/flows/" + flowB + "/enable", null),
        designerA.post("/api/v1/flows/" + flowB + "/disable", null),
        designerA.post("/api/v1/flows/" + flowB + "/run", new JsonObject()),
        designerA.get("/api/v1/flows/" + flowB + "/runs"),
        designerA.get("/api/v1/runs/" + runB),
        adminA.get("/api/v1/workspaces/" + workspaceB + "/keys"),
        adminA.post("/api/v1/workspaces/" + workspaceB + "/keys", new JsonObject().put("role", "admin")),
        adminA.delete("/api/v1/workspaces/" + workspaceB + "/keys/any"));
    for (ApiClient.Answer answer : answers) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(404);
      assertThat(answer.text()).doesNotContain("secret-of-b", "Mail");
    }
    assertThat(designerA.get("/api/v1/connections").json().getJsonArray("connections")).isEmpty();
    assertThat(designerA.get("/api/v1/flows").json().getJsonArray("flows")).isEmpty();
    assertThat(adminA.get("/api/v1/workspaces").json().getJsonArray("workspaces").size()).isEqualTo(1);
    assertThat(designerA.post("/api/v1/flows", flow(connectionB)).json().getJsonArray("fields").getJsonObject(0)
        .getString("message")).contains("no connection with id '" + connectionB + "' in this workspace");
    assertThat(designerA.post("/api/v1/catalog/actions/test/echo/options/colour",
        new JsonObject().put("connection", connectionB)).status()).isEqualTo(400);
    assertThat(adminB.get("/api/v1/connections/" + connectionB).json().getString("name"))
        .as("B's connection is untouched").isEqualTo("Mail");
  }

  @Test
  void aDesignerUsesConnectionsButCannotCreateReadSecretsOfOrDeleteThem() {
    String connectionA = created(adminA.post("/api/v1/connections", connection("good")));

    assertThat(designerA.post("/api/v1/connections", connection("good")).status()).isEqualTo(403);
    assertThat(designerA.put("/api/v1/connections/" + connectionA, connection("good")).status()).isEqualTo(403);
    assertThat(designerA.delete("/api/v1/connections/" + connectionA).status()).isEqualTo(403);
    assertThat(designerA.post("/api/v1/connections/" + connectionA + "/test", null).status()).isEqualTo(403);
    assertThat(designerA.get("/api/v1/workspaces/" + workspaceA + "/keys").status()).isEqualTo(403);
    assertThat(designerA.post("/api/v1/workspaces", new JsonObject().put("name", "C")).status()).isEqualTo(403);
    JsonObject seen = designerA.get("/api/v1/connections/" + connectionA).json();
    assertThat(seen.fieldNames()).containsExactlyInAnyOrder("id", "type", "name", "status");
    assertThat(designerA.get("/api/v1/connections").json().getJsonArray("connections").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("id", "type", "name", "status");

    String flowA = Runs.createFlow(designerA, flow(connectionA));
    JsonObject run = Runs.awaitFinished(designerA, Runs.start(designerA, flowA, new JsonObject().put("who", "a")));
    assertThat(run.getString("status")).as("a designer's flow uses the admin's connection").isEqualTo("succeeded");
    assertThat(designerA.get("/api/v1/catalog").status()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyGets401() {
    ApiClient.Answer issued = adminA.post("/api/v1/workspaces/" + workspaceA + "/keys", new JsonObject().put("role", "designer"));
    ApiClient revocable = instance.withKey(issued.json().getString("key"));
    assertThat(revocable.get("/api/v1/flows").status()).isEqualTo(200);
    assertThat(adminA.get("/api/v1/workspaces/" + workspaceA + "/keys").text())
        .as("key values are never listed").doesNotContain(issued.json().getString("key"));

    assertThat(adminA.delete("/api/v1/workspaces/" + workspaceA + "/keys/" + issued.json().getString("id")).status())
        .isEqualTo(204);

    ApiClient.Answer refused = revocable.get("/api/v1/flows");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().getString("error")).contains("revoked");
  }

  @Test
  void keysAreCheckedForTheirRole() {
    ApiClient.Answer answer = adminA.post("/api/v1/workspaces/" + workspaceA + "/keys", new JsonObject().put("role", "root"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("role");
    assertThat(adminA.post("/api/v1/workspaces/" + workspaceA + "/keys",
        new JsonObject().put("role", "instance_admin")).status()).isEqualTo(400);
  }
}
