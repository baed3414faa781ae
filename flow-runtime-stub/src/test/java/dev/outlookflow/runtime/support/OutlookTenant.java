package dev.outlookflow.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The sandbox's demo tenant as the runtime's tests use it: Outlook connections, sign-ins, and what mailboxes hold. */
public final class OutlookTenant {
  private final ApiClient api;
  private final ApiClient sandbox;
  private final String sandboxUrl;

  public OutlookTenant(ApiClient api, String sandboxUrl) {
    this.api = api;
    this.sandbox = new ApiClient(sandboxUrl, null);
    this.sandboxUrl = sandboxUrl;
  }

  /** Creates an Outlook connection of the sandbox cloud; answers its id. */
  public String connection(JsonObject properties) {
    ApiClient.Answer created = api.post("/api/v1/connections", new JsonObject().put("type", "outlook/microsoft365")
        .put("name", "Contoso mail").put("properties", properties.put("cloud", "sandbox")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** An app-only connection, consented by the tenant's admin, fenced to {@code mailbox} and {@code others}. */
  public String appOnlyConnection(String mailbox, String... others) {
    grantAdminConsent();
    JsonArray allowed = new JsonArray();
    for (String other : others) {
      allowed.add(other);
    }
    return connection(new JsonObject().put("authMode", "client_credentials").put("mailbox", mailbox)
        .put("allowedMailboxes", allowed));
  }

  /** A delegated connection signed in as {@code login} (after the admin consented for everyone). */
  public String signedInConnection(String login, String password, JsonObject properties) throws Exception {
    grantAdminConsent();
    String id = connection(properties.put("authMode", "authorization_code_pkce"));
    ApiClient.Answer callback = signIn(id, login, password);
    assertThat(callback.status()).as(callback.text()).isEqualTo(200);
    return id;
  }

  /** Signs in at the sandbox as the given user, in a browser of its own, and comes back to the runtime's callback. */
  public ApiClient.Answer signIn(String connectionId, String login, String password) throws Exception {
    return signIn(connectionId, login, password, browser());
  }

  /** As {@link #signIn(String, String, String)}, in the given browser. */
  public ApiClient.Answer signIn(String connectionId, String login, String password, SignInBrowser browser)
      throws Exception {
    Browser.Step page = browser.pages().signIn(browser.open(signInLink(connectionId)), login, password);
    if (page.html().contains("Permissions requested")) {
      page = browser.pages().consent(page, true);
    } else if (page.html().contains("Need admin approval")) {
      assertThat(page.returnLink()).as(page.html()).isNotNull();
      return browser.returnToApp(Browser.query(page.returnLink()));
    }
    assertThat(page.returned()).as(page.html()).isNotNull();
    return browser.returnToApp(page.returned());
  }

  /** A new browser, with a cookie jar of its own. */
  public SignInBrowser browser() {
    return new SignInBrowser(api.baseUrl(), sandboxUrl);
  }

  /** The sign-in link {@code POST /authorize} answers: a runtime link that sends a browser to the sandbox. */
  public String signInLink(String connectionId) {
    ApiClient.Answer authorize = api.post("/api/v1/connections/" + connectionId + "/authorize", null);
    assertThat(authorize.status()).as(authorize.text()).isEqualTo(200);
    String link = authorize.json().getString("authorizeUrl");
    assertThat(link).startsWith(api.baseUrl() + "/oauth/start/");
    return link;
  }

  public void grantAdminConsent() {
    control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
  }

  public ApiClient.Answer control(String path, JsonObject body) {
    return sandbox.post("/_sandbox" + path, body);
  }

  /** Reads the sandbox's control API, e.g. {@code /counters}; fails the test on anything but a 200. */
  public JsonObject controlGet(String path) {
    ApiClient.Answer answer = sandbox.get("/_sandbox" + path);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  public ApiClient.Answer controlPut(String path, JsonObject body) {
    return sandbox.put("/_sandbox" + path, body);
  }

  public ApiClient.Answer controlDelete(String path) {
    return sandbox.delete("/_sandbox" + path);
  }

  /** What a mailbox's folder holds, attachments included, newest first. */
  public JsonArray folder(String mailbox, String folder) {
    return sandbox.get("/_sandbox/mailboxes/" + mailbox + "/folders/" + folder + "/messages").json()
        .getJsonArray("value");
  }

  /** The messages of a folder with this subject. */
  public java.util.List<JsonObject> withSubject(String mailbox, String folder, String subject) {
    return folder(mailbox, folder).stream().map(JsonObject.class::cast)
        .filter(m -> subject.equals(m.getString("subject"))).toList();
  }

  /** What was sent to addresses outside the sandbox. */
  public JsonArray outbox() {
    return sandbox.get("/_sandbox/outbox").json().getJsonArray("value");
  }

  public long tokenRequests() {
    return sandbox.get("/_sandbox/tokenRequests?clientId=" + DemoSeed.RUNTIME_CLIENT_ID).json()
        .getJsonArray("requests").size();
  }

  /** How many of the sandbox's faults are still active (not spent). */
  public int activeFaults() {
    return sandbox.get("/_sandbox/faults").json().getInteger("active");
  }

  /** How many requests the sandbox's faults have hit. */
  public long firedFaults() {
    return sandbox.get("/_sandbox/faults").json().getLong("fired");
  }

  /** Adds a fault in front of Graph (see the sandbox's README). */
  public void fault(JsonObject rule) {
    ApiClient.Answer added = control("/faults", rule);
    assertThat(added.status()).as(added.text()).isLessThan(300);
  }
}
