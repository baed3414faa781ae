package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of fault, once, on each request of a send (draft, small attachment, upload session chunk,
 * send): the mail arrives once, and no draft is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendEmailEachFaultIT {
  @TempDir static Path temp;
  private OutlookRuntime runtime;
  private OutlookTenant tenant;
  private String connection;
  private String bigFile;

  @BeforeAll
  void start() throws Exception {
    runtime = OutlookRuntime.start(temp);
    tenant = runtime.tenant();
    connection = tenant.appOnlyConnection(DemoSeed.USER);
    // One chunk, so a fault on the upload hits its last chunk: a lost answer there ends the session.
    byte[] content = new byte[3_500_000];
    new Random(5).nextBytes(content);
    bigFile = Base64.getEncoder().encodeToString(content);
  }

  @AfterAll
  void stop() throws Exception {
    runtime.close();
  }

  static List<Arguments> faultsOnEachRequest() {
    List<JsonObject> faults = List.of(
        new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "0.25"),
        new JsonObject().put("type", "status").put("status", 503),
        new JsonObject().put("type", "status").put("status", 504).put("retryAfter", "0.1"),
        new JsonObject().put("type", "dropBefore"),
        new JsonObject().put("type", "dropAfter"));
    List<Arguments> cases = new ArrayList<>();
    for (String[] request : List.of(
        new String[] {"POST", "/v1.0/users/*/messages"},
        new String[] {"POST", "/v1.0/users/*/messages/*/attachments"},
        new String[] {"POST", "/v1.0/users/*/messages/*/attachments/createUploadSession"},
        new String[] {"PUT", "/_upload/*"},
        new String[] {"POST", "/v1.0/users/*/messages/*/send"})) {
      for (JsonObject fault : faults) {
        cases.add(Arguments.of(request[0], request[1], fault));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{2} on {0} {1}")
  @MethodSource("faultsOnEachRequest")
  void theMailArrivesOnce(String method, String path, JsonObject fault) {
    tenant.control("/reset", null);
    tenant.fault(new JsonObject().put("method", method).put("path", path).put("times", 1).put("fault", fault));
    String subject = "Fault " + fault.getString("type") + fault.getInteger("status", 0) + " on " + method + " " + path;

    JsonObject run = runtime.runStep("outlook/send-email", new JsonObject().put("connection", connection)
        .put("to", new JsonArray().add(DemoSeed.ADMIN)).put("subject", subject)
        .put("attachments", new JsonArray()
            .add(new JsonObject().put("name", "small.txt").put("contentBase64", "c21hbGw="))
            .add(new JsonObject().put("name", "big.bin").put("contentBase64", "{{trigger.file}}"))),
        new JsonObject().put("file", bigFile));

    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    assertThat(tenant.firedFaults()).as("the fault hit").isEqualTo(1);
    List<JsonObject> received = tenant.withSubject(DemoSeed.ADMIN, "inbox", subject);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getJsonArray("attachments").stream().map(a -> ((JsonObject) a).getString("name")))
        .containsExactly("small.txt", "big.bin");
    assertThat(tenant.folder(DemoSeed.USER, "drafts")).isEmpty();
  }
}
