package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of sends: after a restart, every mail is delivered exactly once. */
class SendEmailCrashIT {
  private static final int SENDS = 40;

  @TempDir Path temp;

  @Test
  void everySendInterruptedByKill9IsDeliveredExactlyOnceAfterARestart() throws Exception {
    Path data = temp.resolve("data");
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Files.copy(OutlookRuntime.pluginZip(), plugins.resolve("outlook.zip"));
    String[] flags = {"--plugins-dir", plugins.toString(), "--sandbox-url", null};
    List<String> runs = new ArrayList<>();
    try (RunningSandbox sandbox = RunningSandbox.start(SandboxOptions.demo())) {
      flags[3] = sandbox.baseUrl();
      try (RuntimeProcess runtime = RuntimeProcess.start(data, flags)) {
        ApiClient api = runtime.api();
        OutlookTenant tenant = new OutlookTenant(api, sandbox.baseUrl());
        String flow = Runs.createFlow(api, Runs.oneStepFlow("Numbered mail", "mail", "outlook/send-email",
            new JsonObject().put("connection", tenant.appOnlyConnection(DemoSeed.USER))
                .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", "Crash {{trigger.n}}")));
        // Slow drafts and sends keep requests in flight when the runtime dies: Graph then finishes what the
        // runtime never hears about.
        for (String path : List.of("/v1.0/users/*/messages", "/v1.0/users/*/messages/*/send")) {
          tenant.fault(new JsonObject().put("method", "POST").put("path", path).put("probability", 0.3)
              .put("seed", path.length()).put("fault", new JsonObject().put("type", "latency").put("millis", 1500)));
        }
        for (int n = 0; n < SENDS; n++) {
          runs.add(Runs.start(api, flow, new JsonObject().put("n", n)));
        }
        Eventually.await("some mails to arrive", () -> tenant.folder(DemoSeed.ADMIN, "inbox").size() >= 5 ? true : null);
        runtime.kill9();
        assertThat(tenant.folder(DemoSeed.ADMIN, "inbox").size()).as("killed mid-way").isLessThan(SENDS);
      }

      try (RuntimeProcess restarted = RuntimeProcess.start(data, flags)) {
        ApiClient api = restarted.api();
        OutlookTenant tenant = new OutlookTenant(api, sandbox.baseUrl());
        for (String run : runs) {
          JsonObject finished = restarted.explaining(() -> Runs.awaitFinished(api, run, Duration.ofMinutes(2)));
          assertThat(finished.getString("status")).as(finished.encodePrettily()).isEqualTo("succeeded");
        }
        Map<String, Long> received = SendEmailFaultsIT.countBySubject(tenant.folder(DemoSeed.ADMIN, "inbox"));
        for (int n = 0; n < SENDS; n++) {
          assertThat(received.get("Crash " + n)).as("Crash " + n).isEqualTo(1L);
        }
        assertThat(received).hasSize(SENDS);
        assertThat(tenant.folder(DemoSeed.USER, "drafts")).as("no draft left behind").isEmpty();
        assertThat(restarted.output()).contains("resuming after a crash from its recorded state");
      }
    }
  }
}
