package dev.outlookflow.sandbox.support;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Tokens of the demo tenant's people for mail tests (admin consent granted first). */
public final class MailUsers {
  public static final String MAIL = "openid profile offline_access https://graph.microsoft.com/Mail.ReadWrite "
      + "https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.Send.Shared";
  public final String megan;
  public final String app;

  private MailUsers(String megan, String app) {
    this.megan = megan;
    this.app = app;
  }

  public static MailUsers of(RunningSandbox sandbox) throws Exception {
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    CodeFlow flow = new CodeFlow(sandbox);
    return new MailUsers(flow.accessToken(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, MAIL), flow.appToken());
  }

  public static JsonObject mail(String subject, String to) {
    return new JsonObject().put("subject", subject)
        .put("body", new JsonObject().put("contentType", "Text").put("content", "Hello " + subject))
        .put("toRecipients", new JsonArray().add(new JsonObject().put("emailAddress", new JsonObject().put("address", to))));
  }
}
