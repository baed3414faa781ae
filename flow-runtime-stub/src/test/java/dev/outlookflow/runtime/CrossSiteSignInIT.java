package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.Chromium;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delegated path in a real browser, cross-site as with Microsoft: the runtime on 127.0.0.1, the
 * sandbox's sign-in pages on localhost (two sites; ports alone would not be). The browser decides which
 * cookies come back with Entra's redirect, so only a browser can show that the sign-in's cookie does.
 */
class CrossSiteSignInIT {
  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  @TempDir Path temp;

  private void signInAtTheSandbox(Chromium browser, String login, String password) {
    assertThat(browser.url()).startsWith("http://localhost:");
    assertThat(browser.title()).isEqualTo("Sign in");
    browser.type("login", login);
    browser.type("password", password);
    browser.click("Sign in");
  }

  @Test
  void aNonAdminIsSentBackWithTheLinkAnAdminApprovesAnHourLaterInTheirOwnBrowserAndTheUserThenConnects()
      throws Exception {
    ApiClient api = outlook.runtime().api();
    OutlookTenant tenant = outlook.runtime().tenant();
    String sandbox = outlook.runtime().sandboxUrl();
    assertThat(api.baseUrl()).startsWith("http://127.0.0.1:");
    String id = tenant.connection(new JsonObject().put("authMode", "authorization_code_pkce"));

    try (Chromium user = new Chromium(temp.resolve("user-profile"))) {
      user.open(tenant.signInLink(id));
      signInAtTheSandbox(user, DemoSeed.USER, DemoSeed.USER_PASSWORD);
      assertThat(user.title()).isEqualTo("Need admin approval");
      user.click("return");

      assertThat(user.url()).startsWith(api.baseUrl() + "/oauth/callback?");
      assertThat(user.text()).as("Entra's redirect carried the runtime's cookie: the state was accepted")
          .contains("An administrator of the tenant must approve this app's permissions once")
          .doesNotContain("started in another browser");
      String link = user.attribute("admin-consent", "href");
      assertThat(link).isEqualTo(api.baseUrl() + "/oauth/admin-consent/" + id);

      tenant.control("/clock", new JsonObject().put("advanceSeconds", 3600));
      try (Chromium admin = new Chromium(temp.resolve("admin-profile"))) {
        admin.open(link);
        assertThat(admin.url()).startsWith(sandbox + "/" + DemoSeed.TENANT_ID + "/adminconsent?");
        admin.type("login", DemoSeed.ADMIN);
        admin.type("password", DemoSeed.ADMIN_PASSWORD);
        admin.click("Accept");
        assertThat(admin.url()).startsWith(api.baseUrl() + "/oauth/callback?");
        assertThat(admin.title()).isEqualTo("Admin consent");
        assertThat(admin.text()).contains("Microsoft Entra reports that an administrator approved the app for the "
            + "whole organisation.");
      }

      user.open(tenant.signInLink(id));
      signInAtTheSandbox(user, DemoSeed.USER, DemoSeed.USER_PASSWORD);
      assertThat(user.title()).isEqualTo("Signed in");
      assertThat(user.text()).contains("is connected: Signed in as " + DemoSeed.USER + ".");
    }
    assertThat(api.get("/api/v1/connections/" + id).json().getString("status")).isEqualTo("connected");
  }
}
