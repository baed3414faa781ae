package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Never twice, never lost: 200 sends through seeded faults on every request that changes Graph. */
class SendEmailFaultsIT {
  private static final int SENDS = 200;
  private static final List<String> CHANGING_REQUESTS = List.of(
      "/v1.0/users/*/messages", "/v1.0/users/*/messages/*/attachments", "/v1.0/users/*/messages/*/send");

  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private OutlookRuntime runtime;
  private OutlookTenant tenant;

  @BeforeEach
  void bind() {
    runtime = outlook.runtime();
    tenant = runtime.tenant();
  }

  /** Every kind of fault on each request of a send, each with its own seed, so a rerun faults the same way. */
  private void faultEveryChangingRequest() {
    List<JsonObject> faults = List.of(
        new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "0.128"),
        new JsonObject().put("type", "status").put("status", 503).put("retryAfter", "0.05"),
        new JsonObject().put("type", "status").put("status", 504),
        new JsonObject().put("type", "dropBefore"),
        new JsonObject().put("type", "dropAfter"));
    long seed = 1;
    for (String path : CHANGING_REQUESTS) {
      for (JsonObject fault : faults) {
        tenant.fault(new JsonObject().put("method", "POST").put("path", path).put("probability", 0.03)
            .put("seed", seed++).put("fault", fault));
      }
    }
  }

  @Test
  void twoHundredSendsThroughFaultsDeliverExactlyTwoHundredMails() {
    String connection = tenant.appOnlyConnection(DemoSeed.USER);
    ApiClient api = runtime.api();
    String flow = Runs.createFlow(api, Runs.oneStepFlow("Numbered mail", "mail", "outlook/send-email",
        new JsonObject().put("connection", connection).put("to", new JsonArray().add(DemoSeed.ADMIN))
            .put("subject", "Mail {{trigger.n}}").put("body", "<p>number {{trigger.n}}</p>")
            .put("attachments", new JsonArray().add(new JsonObject().put("name", "n.txt")
                .put("contentBase64", Base64.getEncoder().encodeToString("attached".getBytes()))))));
    faultEveryChangingRequest();

    List<String> runs = new ArrayList<>();
    for (int n = 0; n < SENDS; n++) {
      runs.add(Runs.start(api, flow, new JsonObject().put("n", n)));
    }
    for (String run : runs) {
      JsonObject finished = Runs.awaitFinished(api, run, Duration.ofMinutes(5));
      assertThat(finished.getString("status")).as(finished.encodePrettily()).isEqualTo("succeeded");
    }

    assertThat(tenant.firedFaults()).as("faults hit the sends").isGreaterThan(20);
    Map<String, Long> received = countBySubject(tenant.folder(DemoSeed.ADMIN, "inbox"));
    Map<String, Long> sent = countBySubject(tenant.folder(DemoSeed.USER, "sentitems"));
    for (int n = 0; n < SENDS; n++) {
      assertThat(received.get("Mail " + n)).as("Mail " + n + " received").isEqualTo(1L);
      assertThat(sent.get("Mail " + n)).as("Mail " + n + " in Sent Items").isEqualTo(1L);
    }
    assertThat(received).hasSize(SENDS);
    assertThat(tenant.folder(DemoSeed.USER, "drafts")).as("no draft left behind").isEmpty();
  }

  static Map<String, Long> countBySubject(JsonArray messages) {
    return messages.stream().map(JsonObject.class::cast).map(m -> m.getString("subject"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
