package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.RuntimeProcess;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime starts the demo tenant by default (on loopback only), uses a standalone one when told,
 * or none; it names the sandbox only to callers with a key.
 */
class DemoSandboxIT {
  private static final String DEMO_TENANT = "8f2c1e56-3b7a-4d2e-9c1f-5a6b7c8d9e01";
  @TempDir Path temp;

  @Test
  void byDefaultTheRuntimeRunsTheDemoTenantAndSaysSo() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      String url = runtime.api().get("/api/v1/sandbox").json().getString("url");

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
  void theDemoTenantKeepsItsAddressAcrossRestartsSoLinksToItStillWork() throws Exception {
    Path data = temp.resolve("data");
    String port = String.valueOf(freePort());
    String first;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, "--port", port)) {
      first = runtime.api().get("/api/v1/sandbox").json().getString("url");
    }
    assertThat(Files.readString(data.resolve("sandbox-port")).strip())
        .isEqualTo(String.valueOf(URI.create(first).getPort()));

    try (RuntimeProcess again = RuntimeProcess.start(data, "--port", port)) {
      assertThat(again.api().get("/api/v1/sandbox").json().getString("url")).isEqualTo(first);
      assertThat(again.output()).contains("m365 sandbox (a demo tenant, not Microsoft 365) at " + first);
    }
  }

  @Test
  void whenAnotherProgramTookTheKeptPortTheSandboxTakesAnotherAndSaysSo() throws Exception {
    Path data = temp.resolve("data");
    String port = String.valueOf(freePort());
    try (java.net.ServerSocket squatter = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Files.createDirectories(data);
      Files.writeString(data.resolve("sandbox-port"), String.valueOf(squatter.getLocalPort()));

      try (RuntimeProcess runtime = RuntimeProcess.start(data, "--port", port)) {
        String url = runtime.api().get("/api/v1/sandbox").json().getString("url");
        assertThat(URI.create(url).getPort()).isNotEqualTo(squatter.getLocalPort());
        assertThat(runtime.output()).contains("the m365 sandbox's port " + squatter.getLocalPort() + " is taken by "
            + "another program: it listens on another port now");
        assertThat(Files.readString(data.resolve("sandbox-port")).strip())
            .isEqualTo(String.valueOf(URI.create(url).getPort()));
      }
    }
  }

  @Test
  void aRuntimeOnAFreePortGivesItsSandboxAFreePortAndKeepsNone() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      assertThat(runtime.api().get("/api/v1/sandbox").json().getString("url")).startsWith("http://localhost:");
    }
    assertThat(temp.resolve("data/sandbox-port")).doesNotExist();
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aStandaloneSandboxIsUsedWhenNamedAndNoneWhenTurnedOff() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("a"), "--sandbox-url", "http://127.0.0.1:9/")) {
      assertThat(runtime.api().get("/api/v1/sandbox").json().getString("url"))
          .isEqualTo("http://127.0.0.1:9");
    }
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("b"), "--no-sandbox")) {
      assertThat(runtime.api().get("/api/v1/sandbox").json().getValue("url")).isNull();
      assertThat(runtime.output()).doesNotContain("m365 sandbox");
    }
  }

  @Test
  void aRuntimeListeningBeyondThisMachineStartsNoSandboxUnlessTold() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"), "--host", "0.0.0.0")) {
      assertThat(runtime.api().get("/api/v1/sandbox").json().getValue("url")).isNull();
      assertThat(runtime.output()).contains("no m365 sandbox: the runtime listens beyond this machine (--host "
          + "0.0.0.0); give --sandbox to run one anyway, on 127.0.0.1 only");
    }
  }

  @Test
  void aSandboxStartedBesideAnExposedRuntimeListensOnLoopbackOnlyAndSaysSo() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"), "--host", "0.0.0.0", "--sandbox")) {
      String url = runtime.api().get("/api/v1/sandbox").json().getString("url");

      assertThat(url).as("named localhost, bound to 127.0.0.1").startsWith("http://localhost:");
      assertThat(runtime.output()).contains("the m365 sandbox listens on 127.0.0.1 only: its sign-in pages reach "
          + "only browsers on this machine");
      int port = URI.create(url).getPort();
      try (Socket loopback = new Socket("127.0.0.1", port)) {
        assertThat(loopback.isConnected()).isTrue();
      }
      assertThatThrownBy(() -> new Socket("127.0.0.2", port).close())
          .as("bound to 127.0.0.1, not to every address").isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void withoutAKeyNothingNamesTheSandbox() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      String url = runtime.api().get("/api/v1/sandbox").json().getString("url");
      ApiClient anonymous = runtime.api().withKey(null);

      ApiClient.Answer health = anonymous.get("/api/v1/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.text()).doesNotContain(url, "sandbox");
      assertThat(anonymous.get("/api/v1/sandbox").status()).isEqualTo(401);
    }
  }
}
