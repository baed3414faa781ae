package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.RuntimeProcess;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime starts the demo tenant by default, uses a standalone one when told, or none. */
class DemoSandboxIT {
  private static final String DEMO_TENANT = "8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01";
  @TempDir Path temp;

  @Test
  void byDefaultTheRuntimeRunsTheDemoTenantAndSaysSo() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      String url = runtime.api().get("/api/v1/health").json().getJsonObject("sandbox").getString("url");

      assertThat(runtime.output()).contains("m365 sandbox (a demo tenant, not Microsoft 365) at " + url);
      HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url + "/" + DEMO_TENANT + "/v2.0/.well-known/openid-configuration")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(discovery.body()).getString("token_endpoint"))
          .isEqualTo(url + "/" + DEMO_TENANT + "/oauth2/v2.0/token");
      assertThat(Files.exists(temp.resolve("data/sandbox/state.json"))).as("its state lives under DATA_DIR").isTrue();
    }
  }

  @Test
  void aStandaloneSandboxIsUsedWhenNamedAndNoneWhenTurnedOff() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("a"), "--sandbox-url", "http://127.0.0.1:9/")) {
      assertThat(runtime.api().get("/api/v1/health").json().getJsonObject("sandbox").getString("url"))
          .isEqualTo("http://127.0.0.1:9");
    }
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("b"), "--no-sandbox")) {
      assertThat(runtime.api().get("/api/v1/health").json().getValue("sandbox")).isNull();
      assertThat(runtime.output()).doesNotContain("m365 sandbox");
    }
  }
}
