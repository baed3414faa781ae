package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.SignInBrowser;
import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sign-in completes only in the browser that opened its link: the link works once and sets a cookie
 * bound to the sign-in's state, and the callback refuses a state without it (login CSRF, a leaked link).
 */
class BrowserBoundSignInIT {
  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private ApiClient api;
  private OutlookTenant tenant;
  private String sandbox;

  @BeforeEach
  void start() {
    api = outlook.runtime().api();
    sandbox = outlook.runtime().sandboxUrl();
    tenant = outlook.runtime().tenant();
    tenant.grantAdminConsent();
  }

  private String delegated() {
    return tenant.connection(new JsonObject().put("authMode", "authorization_code_pkce"));
  }

  @Test
  void theRuntimeAndTheSandboxAreTwoSitesAndTheSignInAsksForTheAnswerInTheQuery() throws Exception {
    assertThat(api.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(sandbox).startsWith("http://localhost:");

    String entra = tenant.browser().redirectOf(tenant.signInLink(delegated()));

    assertThat(entra).startsWith(sandbox + "/" + DemoSeed.TENANT_ID + "/oauth2/v2.0/authorize?");
    assertThat(Browser.query(entra)).containsEntry("response_mode", "query")
        .containsEntry("redirect_uri", api.baseUrl() + "/oauth/callback");
  }

  @Test
  void openingTheLinkSetsAnHttpOnlyLaxCookieForTheCallbackOnly() throws Exception {
    String link = tenant.signInLink(delegated());
    var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(link)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(answer.statusCode()).isEqualTo(302);
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).matches("signin-[0-9a-f]{16}=[A-Za-z0-9_-]{43}; Max-Age=600; Expires=.*")
        .contains("; Path=/oauth/callback").containsIgnoringCase("; HttpOnly").contains("; SameSite=Lax")
        .doesNotContain("Secure");
    assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void aCallbackBroughtByAnotherBrowserIsRefusedAndTheBrowserThatBeganCanStillFinish() throws Exception {
    String id = delegated();
    SignInBrowser victim = tenant.browser();
    SignInBrowser attacker = tenant.browser();
    Browser.Step page = attacker.pages().signIn(attacker.open(tenant.signInLink(id)), DemoSeed.ADMIN,
        DemoSeed.ADMIN_PASSWORD);
    Map<String, String> returned = page.returned();
    assertThat(returned).containsKey("code");

    ApiClient.Answer forged = victim.returnToApp(returned);

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.text()).contains("This sign-in was started in another browser (or this browser refused the "
        + "runtime&#39;s cookie): only the browser that opened the sign-in link may finish it.");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("new");
    assertThat(attacker.returnToApp(returned).status()).as("the refusal spent nothing").isEqualTo(200);
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
  }

  @Test
  void aSignInLinkWorksOnceSoALeakedLinkIsWorthNothingOnceOpened() throws Exception {
    String link = tenant.signInLink(delegated());
    tenant.browser().redirectOf(link);

    Browser.Step second = tenant.browser().open(link);

    assertThat(second.status()).isEqualTo(400);
    assertThat(second.html()).contains("This sign-in link has expired (links last 10 minutes) or was already opened, "
        + "in this browser or another: a link works once.");
  }

  @Test
  void aCallbackWithoutAnyCookieIsRefusedWithASentence() throws Exception {
    String state = Browser.query(tenant.browser().redirectOf(tenant.signInLink(delegated()))).get("state");

    ApiClient.Answer bare = api.withKey(null).get("/oauth/callback?code=x&state=" + state);

    assertThat(bare.status()).isEqualTo(400);
    assertThat(bare.contentType()).startsWith("text/html");
    assertThat(bare.text()).contains("This sign-in was started in another browser");
  }

  @Test
  void beginningASignInChangesNoStatusAndIsShownBesideIt() throws Exception {
    String id = delegated();
    assertThat(tenant.signIn(id, DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD).status()).isEqualTo(200);

    ApiClient.Answer authorize = api.post("/api/v1/connections/" + id + "/authorize", null);

    assertThat(authorize.json().getLong("expiresInSeconds")).isEqualTo(600);
    JsonObject connection = api.get("/api/v1/connections/" + id).json();
    assertThat(connection.getString("status")).isEqualTo("connected");
    assertThat(connection.getString("statusMessage")).isEqualTo("Signed in as " + DemoSeed.ADMIN + ".");
    assertThat(connection.getJsonObject("signInUnderWay").getString("expiresAt")).isNotBlank();
    assertThat(api.get("/api/v1/connections").json().getJsonArray("connections").getJsonObject(0)
        .getJsonObject("signInUnderWay")).isNotNull();
    assertThat(api.post("/api/v1/connections/" + id + "/test", null).json().getBoolean("ok")).isTrue();
  }

  @Test
  void anAdminConsentLinkOfNoConnectionSaysSo() throws Exception {
    Browser.Step unknown = tenant.browser().open(api.baseUrl() + "/oauth/admin-consent/no-such-connection");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.html()).contains("This admin-consent link belongs to a connection that no longer exists");
  }

  @Test
  void aForgedApprovalBroughtBackByAnyoneOnlyMakesTheConnectionTestItselfWhichTellsTheTruth() throws Exception {
    tenant.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", false));
    String id = tenant.connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", DemoSeed.USER));
    SignInBrowser stranger = tenant.browser();
    String state = Browser.query(stranger.redirectOf(api.baseUrl() + "/oauth/admin-consent/" + id)).get("state");

    ApiClient.Answer forged = stranger.returnToApp(Map.of("admin_consent", "True", "tenant", DemoSeed.TENANT_ID,
        "state", state));

    assertThat(forged.text()).contains("Microsoft Entra reports that an administrator approved")
        .contains("is admin consent required: The app has no mail permission in this tenant yet");
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("admin_consent_required");
  }
}
