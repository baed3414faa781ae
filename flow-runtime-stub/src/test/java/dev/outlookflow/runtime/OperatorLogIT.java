package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Eventually;
import dev.outlookflow.runtime.support.RuntimeProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packaged runtime writes to its log, as an operator reads it. */
class OperatorLogIT {
  @TempDir Path temp;

  @Test
  void aRequestIsOneLineWithItsRouteAndNoQueryValuesAndARefusalIsNoStackTrace() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      ApiClient api = runtime.api();
      String id = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
          .put("name", "Wrong secret").put("properties", new JsonObject().put("cloud", "sandbox")
              .put("authMode", "client_credentials").put("mailbox", "adele@contoso.onmicrosoft.com")
              .put("clientSecret", "not-the-secret"))).json().getString("id");
      assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getString("message"))
          .startsWith("The client secret is wrong");
      api.get("/api/v1/flows?designer=hunter2-in-a-query");

      // The line is written once the answer is sent: the client may read the answer first.
      String log = Eventually.await("the access line of the last request", Duration.ofSeconds(10), () -> {
        String output = runtime.output();
        return output.contains("GET /api/v1/flows 200") ? output : null;
      });

      assertThat(log).containsPattern("INFO access - POST /api/v1/connections/:id/test 200 \\d+ ms")
          .containsPattern("INFO access - POST /api/v1/connections 201 \\d+ ms")
          .doesNotContain("hunter2-in-a-query");
      assertThat(log).as("a refusal Entra gave is handled: no stack trace").doesNotContainPattern("(?m)^\\s+at ")
          .doesNotContain("Exception thrown during asynchronous load");
      assertThat(log).as("the sandbox answers client-request-id as Entra does")
          .doesNotContain("Correlation Id is not same as received");
    }
  }
}
