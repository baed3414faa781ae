package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each AADSTS error comes from the situation that causes it in Entra, in Entra's shape. */
class AadstsErrorsTest {
  private static final String FABRIKAM = "2b7e6f1a-9c3d-4e5f-8a7b-6c5d4e3f2a1b";
  private RunningSandbox sandbox;
  private CodeFlow flow;

  @BeforeEach
  void start() throws Exception {
    List<Seed.Tenant> tenants = new ArrayList<>(DemoSeed.seed().tenants());
    tenants.add(new Seed.Tenant(FABRIKAM, "fabrikam.onmicrosoft.com", "Fabrikam", true,
        List.of(new Seed.User("c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f", "pat@fabrikam.onmicrosoft.com", "Pat", "Pat#1",
            true, true)),
        List.of(), List.of(DemoSeed.seed().tenants().get(0).apps().get(0))));
    sandbox = RunningSandbox.start(SandboxOptions.demo().withSeed(new Seed(tenants)));
    flow = new CodeFlow(sandbox);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  /** Entra's token-endpoint error shape, with the AADSTS code first in the description. */
  private static void assertEntraError(Http.Answer answer, int status, String error, int code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonObject body = answer.json();
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("error_description")).startsWith("AADSTS" + code + ":").contains("\r\nTrace ID: ")
        .contains("\r\nCorrelation ID: ").contains("\r\nTimestamp: ");
    assertThat(body.getJsonArray("error_codes").getList()).containsExactly(code);
    assertThat(body.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    assertThat(body.getString("trace_id")).isNotBlank();
    assertThat(body.getString("correlation_id")).isNotBlank();
  }

  private String refreshTokenOf(String login, String password) throws Exception {
    Http.Answer redeemed = flow.redeem(flow.code(login, password), CodeFlow.VERIFIER);
    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
    return redeemed.json().getString("refresh_token");
  }

  @Test
  void aads65001_aRefreshAfterTheAdminConsentWasRevoked() throws Exception {
    String refresh = refreshTokenOf(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", false));

    Http.Answer answer = flow.refresh(refresh);

    assertEntraError(answer, 400, "invalid_grant", 65001);
    assertThat(answer.json().getString("suberror")).isEqualTo("consent_required");
  }

  @Test
  void aads90094_aNonAdminAsksForPermissionsOnlyAnAdminCanGrant() throws Exception {
    Browser browser = sandbox.browser();
    Browser.Step approval = browser.signIn(browser.open(flow.authorizeUrl(DemoSeed.TENANT_ID, CodeFlow.REDIRECT)),
        DemoSeed.USER, DemoSeed.USER_PASSWORD);

    String back = approval.returnLink();
    assertThat(Browser.query(back)).containsEntry("error", "consent_required").containsEntry("state", "s1");
    assertThat(Browser.query(back).get("error_description")).startsWith("AADSTS90094:");
  }

  @Test
  void aads700016_anUnknownClient() throws Exception {
    assertEntraError(flow.token("grant_type=client_credentials&client_id=00000000-0000-0000-0000-00000000dead"
        + "&client_secret=x&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"), 400, "unauthorized_client", 700016);
  }

  @Test
  void aads7000215_aWrongSecret() throws Exception {
    assertEntraError(clientCredentials("not-the-secret"), 401, "invalid_client", 7000215);
  }

  @Test
  void aads7000222_anExpiredSecret() throws Exception {
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/secrets/demo",
        new JsonObject().put("change", "expired"));
    assertEntraError(clientCredentials(DemoSeed.RUNTIME_CLIENT_SECRET), 401, "invalid_client", 7000222);
  }

  @Test
  void aads700082_aRefreshTokenUnusedFor90Days() throws Exception {
    String refresh = refreshTokenOf(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    sandbox.control("/clock", new JsonObject().put("advanceSeconds", 91L * 24 * 3600));
    assertEntraError(flow.refresh(refresh), 400, "invalid_grant", 700082);
  }

  @Test
  void aads50173_aRefreshAfterTheUsersSessionsWereRevoked() throws Exception {
    String refresh = refreshTokenOf(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/users/" + DemoSeed.ADMIN + "/revokeSessions", new JsonObject());
    assertEntraError(flow.refresh(refresh), 400, "invalid_grant", 50173);
  }

  @Test
  void aRefreshTokenStaysValidAfterItWasUsedUntilItExpiresOrIsRevoked() throws Exception {
    String first = refreshTokenOf(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    Http.Answer rotated = flow.refresh(first);
    assertThat(rotated.json().getString("refresh_token")).isNotEqualTo(first);
    assertThat(flow.refresh(first).status()).isEqualTo(200);
  }

  @Test
  void aads54005_aCodeRedeemedTwice() throws Exception {
    String code = flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    assertThat(flow.redeem(code, CodeFlow.VERIFIER).status()).isEqualTo(200);
    assertEntraError(flow.redeem(code, CodeFlow.VERIFIER), 400, "invalid_grant", 54005);
  }

  @Test
  void aads501481_aCodeVerifierThatDoesNotMatchTheChallenge() throws Exception {
    String code = flow.code(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    assertEntraError(flow.redeem(code, "another-verifier-0123456789-0123456789-0123456789"), 400, "invalid_grant",
        501481);
  }

  @Test
  void aads50011_aRedirectUriTheAppDidNotRegister() throws Exception {
    Browser.Step page = sandbox.browser().open(flow.authorizeUrl(DemoSeed.TENANT_ID, "https://evil.example/callback"));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.html()).contains("AADSTS50011: The redirect URI &#39;https://evil.example/callback&#39;");
  }

  @Test
  void loopbackRedirectUrisMatchOnAnyPort() throws Exception {
    Browser.Step page = sandbox.browser().open(flow.authorizeUrl(DemoSeed.TENANT_ID, "http://localhost:61234/oauth/callback"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html()).contains("name=\"password\"");
  }

  @Test
  void aads50020_aUserOfAnotherTenant() throws Exception {
    Browser browser = sandbox.browser();
    Browser.Step page = browser.signIn(browser.open(flow.authorizeUrl(FABRIKAM, CodeFlow.REDIRECT)),
        DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.html()).contains("AADSTS50020: User account &#39;" + DemoSeed.ADMIN + "&#39;");
  }

  @Test
  void aads9001023_clientCredentialsOnCommon() throws Exception {
    assertEntraError(flow.token("common", "grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"), 400, "invalid_request", 9001023);
  }

  @Test
  void aads70011_clientCredentialsWithoutDotDefault() throws Exception {
    assertEntraError(flow.token("grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&client_secret=" + CodeFlow.encode(DemoSeed.RUNTIME_CLIENT_SECRET)
        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2FMail.Read"), 400, "invalid_scope", 70011);
  }

  private Http.Answer clientCredentials(String secret) throws Exception {
    return flow.token("grant_type=client_credentials&client_id=" + DemoSeed.RUNTIME_CLIENT_ID + "&client_secret="
        + CodeFlow.encode(secret) + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
  }
}
