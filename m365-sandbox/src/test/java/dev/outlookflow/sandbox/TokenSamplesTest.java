package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's token answers have every field of Microsoft's documented samples, with the same JSON types. */
class TokenSamplesTest {
  private RunningSandbox sandbox;
  private CodeFlow flow;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    flow = new CodeFlow(sandbox);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private static JsonObject sample(String name) throws Exception {
    try (InputStream in = TokenSamplesTest.class.getResourceAsStream("/samples/" + name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void assertSameShape(JsonObject sample, Http.Answer answer) {
    JsonObject actual = answer.json();
    for (String field : sample.fieldNames()) {
      assertThat(actual.containsKey(field)).as("field " + field + " in " + answer.body()).isTrue();
      assertThat(type(actual.getValue(field))).as("type of " + field).isEqualTo(type(sample.getValue(field)));
    }
  }

  private static String type(Object value) {
    if (value instanceof JsonArray array) {
      return "array of " + (array.isEmpty() ? "?" : type(array.getValue(0)));
    }
    if (value instanceof Number) {
      return "number";
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  @Test
  void clientCredentialsSuccess() throws Exception {
    assertSameShape(sample("token-client-credentials-success.json"), flow.token("grant_type=client_credentials"
        + "&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"));
  }

  @Test
  void theTokenEndpointAnswersTheClientRequestIdAsEntraDoes() throws Exception {
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/" + DemoSeed.TENANT_ID
                + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("client-request-id", "3f1c7a52-9c55-4b7e-8d2a-5e6f7a8b9c0d")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
                + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("client-request-id")).hasValue("3f1c7a52-9c55-4b7e-8d2a-5e6f7a8b9c0d");
  }

  @Test
  void authorizationCodeSuccess() throws Exception {
    Http.Answer answer = flow.redeem(flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD), CodeFlow.VERIFIER);
    assertSameShape(sample("token-authcode-success.json"), answer);
    assertThat(answer.json().getString("token_type")).isEqualTo("Bearer");
  }

  @Test
  void invalidScopeErrorsOfBothFlows() throws Exception {
    Http.Answer clientCredentials = flow.token("grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
        + "&scope=https%3A%2F%2Fexample.contoso.com%2Factivity.read");
    assertSameShape(sample("token-client-credentials-error-invalid_scope.json"), clientCredentials);
    assertSameShape(sample("token-error-reference-sample-with-error_uri.json"), clientCredentials);
    assertThat(clientCredentials.json().getString("error")).isEqualTo("invalid_scope");

    Http.Answer refresh = flow.refresh("not-a-refresh-token");
    assertThat(refresh.status()).isEqualTo(400);
    String code = flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    Http.Answer authCode = flow.token("grant_type=authorization_code&client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET) + "&code=" + CodeFlow.encode(code)
        + "&redirect_uri=" + CodeFlow.encode(CodeFlow.REDIRECT) + "&code_verifier=" + CodeFlow.VERIFIER
        + "&scope=https%3A%2F%2Fexample.contoso.com%2Fmail.read");
    assertSameShape(sample("token-authcode-error-invalid_scope.json"), authCode);
  }
}
