package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged sandbox runs on its own with a seed file and a state directory. */
class StandaloneSandboxIT {
  private static final Pattern LISTENING = Pattern.compile("m365 sandbox listening on (http://\\S+)");
  @TempDir Path temp;

  private Process start(Path log, String... flags) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("sandboxJar")));
    command.addAll(List.of(flags));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void aSeededTenantIsServedAndUnknownTenantsAreRefused() throws Exception {
    Path seed = temp.resolve("fabrikam.json");
    Files.copy(StandaloneSandboxIT.class.getResourceAsStream("/seeds/fabrikam.json"), seed);
    Path log = temp.resolve("out.log");
    Process sandbox = start(log, "--port", "0", "--seed", seed.toString(), "--state-dir", temp.resolve("state").toString());
    try {
      String url = awaitUrl(sandbox, log);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(
          url + "/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(known.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(known.body()).getString("issuer")).isEqualTo(url + "/2b7e6f1a-9c3d-4e5f-8a7b-6c5d4e3f2a1b/v2.0");
      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(
          url + "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(new JsonObject(unknown.body()).getString("error_description")).startsWith("AADSTS90002:");
      assertThat(temp.resolve("state/state.json")).exists();
    } finally {
      sandbox.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBadSeedFileIsRefusedSayingWhy() throws Exception {
    Path seed = temp.resolve("bad.json");
    Files.writeString(seed, "{\"tenants\": [{\"id\": \"t\", \"domian\": \"typo.example\"}]}");
    Path log = temp.resolve("out.log");
    Process sandbox = start(log, "--seed", seed.toString());
    assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(sandbox.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("domian");
  }

  private static String awaitUrl(Process process, Path log) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError("the sandbox exited: " + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the sandbox did not start: " + Files.readString(log));
  }
}
