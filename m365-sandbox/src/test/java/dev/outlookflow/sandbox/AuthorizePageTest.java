package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Browser;
import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in page's parameters: response modes, PKCE methods, prompt and login_hint. */
class AuthorizePageTest {
  private RunningSandbox sandbox;
  private CodeFlow flow;

  @BeforeEach
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    flow = new CodeFlow(sandbox);
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new io.vertx.core.json.JsonObject().put("granted", true));
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private String url(String extra) {
    return sandbox.baseUrl() + "/" + DemoSeed.TENANT_ID + "/oauth2/v2.0/authorize?client_id=" + DemoSeed.RUNTIME_CLIENT_ID
        + "&response_type=code&redirect_uri=" + CodeFlow.encode(CodeFlow.REDIRECT) + "&scope="
        + CodeFlow.encode(CodeFlow.SCOPE) + "&state=s9" + extra;
  }

  @Test
  void queryModeRedirectsWithTheCodeAndPlainPkceIsHonoured() throws Exception {
    Browser browser = sandbox.browser();
    Browser.Step back = browser.signIn(browser.open(url("&code_challenge=plain-verifier-0123456789-0123456789-0123"
        + "&code_challenge_method=plain")), DemoSeed.USER, DemoSeed.USER_PASSWORD);

    assertThat(back.status()).isEqualTo(302);
    assertThat(back.returned()).containsKeys("code", "session_state").containsEntry("state", "s9");
    assertThat(flow.redeem(back.returned().get("code"), "plain-verifier-0123456789-0123456789-0123").status()).isEqualTo(200);
  }

  @Test
  void formPostModeAnswersTheFormTheBrowserPostsToTheApp() throws Exception {
    Browser browser = sandbox.browser();
    Browser.Step back = browser.signIn(browser.open(url("&response_mode=form_post")), DemoSeed.USER, DemoSeed.USER_PASSWORD);

    assertThat(back.status()).isEqualTo(200);
    assertThat(back.html()).contains("action=\"" + CodeFlow.REDIRECT + "\"");
    assertThat(back.returned()).containsKey("code").containsEntry("state", "s9");
  }

  @Test
  void loginHintFillsTheUserNameAndAWrongPasswordSaysSo() throws Exception {
    Browser browser = sandbox.browser();
    Browser.Step page = browser.open(url("&login_hint=" + CodeFlow.encode(DemoSeed.USER)));
    assertThat(page.html()).contains("value=\"" + DemoSeed.USER + "\"");

    Browser.Step wrong = browser.signIn(page, DemoSeed.USER, "guess");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.html()).contains("AADSTS50126:");
  }

  @Test
  void promptNoneWithoutASessionAsksForALogin() throws Exception {
    Browser.Step back = sandbox.browser().open(url("&prompt=none"));
    assertThat(back.returned()).containsEntry("error", "login_required").containsEntry("state", "s9");
  }

  @Test
  void anUnknownClientGetsAnErrorPageNotARedirect() throws Exception {
    Browser.Step page = sandbox.browser().open(url("").replace(DemoSeed.RUNTIME_CLIENT_ID, "00000000-0000-0000-0000-000000000001"));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.returnedToApp()).isFalse();
    assertThat(page.html()).contains("AADSTS700016:");
  }
}
