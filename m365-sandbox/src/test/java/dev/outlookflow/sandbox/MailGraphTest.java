package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.CodeFlow;
import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Graph v1.0 mail: folders, messages with OData, sending, drafts and the rules that guard them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailGraphTest {
  private static final String OWN_MAIL = "openid profile offline_access https://graph.microsoft.com/Mail.ReadWrite "
      + "https://graph.microsoft.com/Mail.Send";
  private static final String MAIL = OWN_MAIL + " https://graph.microsoft.com/Mail.Send.Shared";
  private static final String SHARED = MAIL + " https://graph.microsoft.com/Mail.ReadWrite.Shared "
      + "https://graph.microsoft.com/Mail.Send.Shared";
  private RunningSandbox sandbox;
  private String megan;
  private String adele;
  private String app;

  @BeforeAll
  void start() throws Exception {
    sandbox = RunningSandbox.start(SandboxOptions.demo());
    sandbox.control("/tenants/" + DemoSeed.TENANT_ID + "/apps/" + DemoSeed.RUNTIME_CLIENT_ID + "/adminConsent",
        new JsonObject().put("granted", true));
    CodeFlow flow = new CodeFlow(sandbox);
    megan = flow.accessToken(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, MAIL);
    adele = flow.accessToken(DemoSeed.USER, DemoSeed.USER_PASSWORD, SHARED);
    app = flow.appToken();
  }

  @AfterAll
  void stop() throws Exception {
    sandbox.close();
  }

  private Http.Answer get(String path, String token) throws Exception {
    return sandbox.send("GET", path, token, null);
  }

  private Http.Answer post(String path, String token, JsonObject body) throws Exception {
    return sandbox.send("POST", path, token, body);
  }

  private static JsonObject mail(String subject, String to) {
    return new JsonObject().put("subject", subject)
        .put("body", new JsonObject().put("contentType", "Text").put("content", "Hello " + subject))
        .put("toRecipients", new JsonArray().add(new JsonObject().put("emailAddress", new JsonObject().put("address", to))));
  }

  private JsonArray folder(String mailbox, String folder) throws Exception {
    return sandbox.get("/_sandbox/mailboxes/" + mailbox + "/folders/" + folder + "/messages", null).json().getJsonArray("value");
  }

  private static void assertGraphError(Http.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonObject error = answer.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getJsonObject("innerError").getString("request-id")).isNotBlank();
    assertThat(error.getJsonObject("innerError").getString("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
  }

  @Nested
  class Folders {
    @Test
    void wellKnownFoldersAreThereAndReachableByName() throws Exception {
      JsonArray folders = get("/v1.0/me/mailFolders", megan).json().getJsonArray("value");
      assertThat(folders.stream().map(f -> ((JsonObject) f).getString("displayName")))
          .contains("Inbox", "Sent Items", "Drafts", "Deleted Items", "Archive");
      JsonArray sent = get("/v1.0/me/mailFolders?$select=displayName&$filter=" + CodeFlow.encode("displayName eq 'Sent Items'"),
          megan).json().getJsonArray("value");
      assertThat(sent).hasSize(1);
      assertThat(sent.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "displayName");
      JsonObject inbox = get("/v1.0/me/mailFolders/inbox", megan).json();
      assertThat(inbox.getString("displayName")).isEqualTo("Inbox");
      assertThat(inbox.getInteger("totalItemCount")).isNotNull();
    }

    @Test
    void aFolderIsCreatedOnceAndChildFoldersNestUnderIt() throws Exception {
      Http.Answer created = post("/v1.0/me/mailFolders", megan, new JsonObject().put("displayName", "Invoices"));
      assertThat(created.status()).isEqualTo(201);
      assertGraphError(post("/v1.0/me/mailFolders", megan, new JsonObject().put("displayName", "invoices")), 409,
          "ErrorFolderExists");
      String id = created.json().getString("id");
      assertThat(post("/v1.0/me/mailFolders/" + id + "/childFolders", megan, new JsonObject().put("displayName", "2026"))
          .status()).isEqualTo(201);
      assertThat(get("/v1.0/me/mailFolders/" + id + "/childFolders", megan).json().getJsonArray("value")).hasSize(1);
    }
  }

  @Nested
  class Messages {
    @Test
    void listsAreNewestFirstPagedWithNextLinksSelectedAndFiltered() throws Exception {
      for (int i = 1; i <= 5; i++) {
        sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/folders/archive/messages",
            mail("Report " + i, DemoSeed.ADMIN).put("from", new JsonObject().put("emailAddress",
                new JsonObject().put("address", i % 2 == 0 ? "boss@example.com" : "news@example.com"))));
        sandbox.control("/clock", new JsonObject().put("advanceSeconds", 1));
      }
      JsonObject page = get("/v1.0/me/mailFolders/archive/messages?$top=2&$select=subject,receivedDateTime", megan).json();
      assertThat(page.getJsonArray("value").stream().map(m -> ((JsonObject) m).getString("subject")))
          .containsExactly("Report 5", "Report 4");
      assertThat(page.getJsonArray("value").getJsonObject(0).fieldNames()).doesNotContain("body");
      String next = page.getString("@odata.nextLink");
      assertThat(next).contains("%24skip=2");
      JsonObject second = get(next.substring(next.indexOf("/v1.0")), megan).json();
      assertThat(second.getJsonArray("value").getJsonObject(0).getString("subject")).isEqualTo("Report 3");

      JsonArray oldest = get("/v1.0/me/mailFolders/archive/messages?$orderby=receivedDateTime%20asc&$top=1", megan)
          .json().getJsonArray("value");
      assertThat(oldest.getJsonObject(0).getString("subject")).isEqualTo("Report 1");
      JsonArray fromBoss = get("/v1.0/me/mailFolders/archive/messages?$filter="
          + CodeFlow.encode("from/emailAddress/address eq 'boss@example.com' and isRead eq false"), megan)
          .json().getJsonArray("value");
      assertThat(fromBoss).hasSize(2);
      assertThat(get("/v1.0/me/mailFolders/archive/messages?$filter=" + CodeFlow.encode("startswith(subject,'Report 3')"),
          megan).json().getJsonArray("value")).hasSize(1);
      assertGraphError(get("/v1.0/me/messages?$filter=" + CodeFlow.encode("size gt 5"), megan), 400, "BadRequest");
      assertGraphError(get("/v1.0/me/messages?$filter=" + CodeFlow.encode("isRead eq maybe"), megan), 400, "BadRequest");
    }

    @Test
    void anUnknownMessageIsErrorItemNotFound() throws Exception {
      assertGraphError(get("/v1.0/me/messages/AAMkADnope", megan), 404, "ErrorItemNotFound");
    }
  }

  @Nested
  class Sending {
    @Test
    void sendMailDeliversInsideTheTenantRecordsOutsideAndKeepsACopy() throws Exception {
      JsonObject message = mail("Lunch?", DemoSeed.USER);
      message.getJsonArray("toRecipients").add(new JsonObject().put("emailAddress",
          new JsonObject().put("address", "friend@example.com")));

      Http.Answer sent = post("/v1.0/me/sendMail", megan, new JsonObject().put("message", message));

      assertThat(sent.status()).isEqualTo(202);
      assertThat(sent.body()).isEmpty();
      assertThat(folder(DemoSeed.USER, "inbox").stream().map(m -> ((JsonObject) m).getString("subject"))).contains("Lunch?");
      assertThat(folder(DemoSeed.ADMIN, "sentitems").stream().map(m -> ((JsonObject) m).getString("subject")))
          .contains("Lunch?");
      JsonArray outbox = sandbox.get("/_sandbox/outbox", null).json().getJsonArray("value");
      assertThat(outbox.stream().map(m -> ((JsonObject) m).getString("deliveredTo"))).contains("friend@example.com");
    }

    @Test
    void saveToSentItemsFalseKeepsNoCopy() throws Exception {
      post("/v1.0/me/sendMail", megan, new JsonObject().put("message", mail("No copy", DemoSeed.USER))
          .put("saveToSentItems", false));
      assertThat(folder(DemoSeed.ADMIN, "sentitems").stream().map(m -> ((JsonObject) m).getString("subject")))
          .doesNotContain("No copy");
    }

    @Test
    void sendAsASharedMailboxMakesItBothFromAndSender() throws Exception {
      JsonObject message = mail("From sales", DemoSeed.ADMIN).put("from", new JsonObject().put("emailAddress",
          new JsonObject().put("address", DemoSeed.SHARED)));
      assertThat(post("/v1.0/me/sendMail", adele, new JsonObject().put("message", message)).status()).isEqualTo(202);

      JsonObject received = folder(DemoSeed.ADMIN, "inbox").stream().map(JsonObject.class::cast)
          .filter(m -> m.getString("subject").equals("From sales")).findFirst().orElseThrow();
      assertThat(received.getJsonObject("from").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.SHARED);
      assertThat(received.getJsonObject("sender").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.SHARED);
    }

    @Test
    void sendingFromAMailboxWithoutTheRightIsErrorSendAsDenied() throws Exception {
      JsonObject message = mail("Pretend", DemoSeed.USER).put("from", new JsonObject().put("emailAddress",
          new JsonObject().put("address", DemoSeed.SUPPORT)));
      assertGraphError(post("/v1.0/me/sendMail", megan, new JsonObject().put("message", message)), 403, "ErrorSendAsDenied");
    }

    @Test
    void sendOnBehalfKeepsTheUserAsSender() throws Exception {
      JsonObject message = mail("On behalf of sales", DemoSeed.USER).put("from", new JsonObject().put("emailAddress",
          new JsonObject().put("address", DemoSeed.SHARED)));
      assertThat(post("/v1.0/me/sendMail", megan, new JsonObject().put("message", message)).status()).isEqualTo(202);

      JsonObject received = folder(DemoSeed.USER, "inbox").stream().map(JsonObject.class::cast)
          .filter(m -> m.getString("subject").equals("On behalf of sales")).findFirst().orElseThrow();
      assertThat(received.getJsonObject("from").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.SHARED);
      assertThat(received.getJsonObject("sender").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.ADMIN);
    }

    @Test
    void recipientsDoNotSeeTheBccLineButTheSendersCopyKeepsIt() throws Exception {
      JsonObject message = mail("Blind copy", DemoSeed.USER).put("bccRecipients", new JsonArray().add(new JsonObject()
          .put("emailAddress", new JsonObject().put("address", DemoSeed.SHARED))));
      post("/v1.0/me/sendMail", megan, new JsonObject().put("message", message));

      for (String recipient : java.util.List.of(DemoSeed.USER, DemoSeed.SHARED)) {
        JsonObject received = folder(recipient, "inbox").stream().map(JsonObject.class::cast)
            .filter(m -> m.getString("subject").equals("Blind copy")).findFirst().orElseThrow();
        assertThat(received.getJsonArray("bccRecipients")).isEmpty();
      }
      JsonObject copy = folder(DemoSeed.ADMIN, "sentitems").stream().map(JsonObject.class::cast)
          .filter(m -> m.getString("subject").equals("Blind copy")).findFirst().orElseThrow();
      assertThat(copy.getJsonArray("bccRecipients")).hasSize(1);
    }

    @Test
    void invalidRecipientsAreRefused() throws Exception {
      assertGraphError(post("/v1.0/me/sendMail", megan, new JsonObject().put("message", mail("x", "not an address"))),
          400, "ErrorInvalidRecipients");
    }

    @Test
    void aDraftKeepsItsImmutableIdWhenSentAndLandsInSentItems() throws Exception {
      Http.Answer draft = sandbox.send("POST", "/v1.0/me/messages", megan, mail("Draft", DemoSeed.USER),
          "Prefer", "IdType=\"ImmutableId\"");
      assertThat(draft.status()).isEqualTo(201);
      assertThat(draft.json().getBoolean("isDraft")).isTrue();
      String id = draft.json().getString("id");

      assertThat(sandbox.send("POST", "/v1.0/me/messages/" + id + "/send", megan, null).status()).isEqualTo(202);

      Http.Answer sent = sandbox.send("GET", "/v1.0/me/messages/" + id, megan, null, "Prefer", "IdType=\"ImmutableId\"");
      assertThat(sent.json().getString("id")).isEqualTo(id);
      assertThat(sent.json().getBoolean("isDraft")).isFalse();
      assertThat(sent.json().getString("parentFolderId"))
          .isEqualTo(get("/v1.0/me/mailFolders/sentitems", megan).json().getString("id"));
      assertThat(sent.header("Preference-Applied")).isEqualTo("IdType=\"ImmutableId\"");
      assertThat(sent.json().getBoolean("isRead")).as("the sender's copy").isTrue();
      JsonObject delivered = folder(DemoSeed.USER, "inbox").stream().map(JsonObject.class::cast)
          .filter(m -> "Draft".equals(m.getString("subject"))).findFirst().orElseThrow();
      assertThat(delivered.getBoolean("isRead")).as("Exchange delivers unread").isFalse();
    }

    @Test
    void aBodyOverFourMegabytesIs413() throws Exception {
      JsonObject huge = mail("Big", DemoSeed.USER);
      huge.getJsonObject("body").put("content", "x".repeat(4_300_000));
      assertGraphError(post("/v1.0/me/sendMail", megan, new JsonObject().put("message", huge)), 413, "RequestEntityTooLarge");
    }
  }

  @Nested
  class Access {
    @Test
    void anotherUsersMailboxIsErrorAccessDenied() throws Exception {
      assertGraphError(get("/v1.0/users/" + DemoSeed.ADMIN + "/messages", adele), 403, "ErrorAccessDenied");
    }

    @Test
    void aSharedMailboxNeedsASharedScopeAndFullAccess() throws Exception {
      assertThat(get("/v1.0/users/" + DemoSeed.SHARED + "/mailFolders/inbox/messages", adele).status()).isEqualTo(200);
      assertGraphError(get("/v1.0/users/" + DemoSeed.SHARED + "/messages", megan), 403, "ErrorAccessDenied");
    }

    @Test
    void anAppWithRolesReachesEveryMailbox() throws Exception {
      assertThat(get("/v1.0/users/" + DemoSeed.USER + "/messages", app).status()).isEqualTo(200);
      assertThat(get("/v1.0/users/" + DemoSeed.SHARED + "/mailFolders", app).status()).isEqualTo(200);
    }

    @Test
    void anUnlicensedUserHasNoMailboxAndAnUnknownOneIsInvalid() throws Exception {
      assertGraphError(get("/v1.0/users/" + DemoSeed.UNLICENSED + "/messages", app), 404, "MailboxNotEnabledForRESTAPI");
      assertGraphError(get("/v1.0/users/nobody@" + DemoSeed.DOMAIN + "/messages", app), 404, "ErrorInvalidUser");
    }

    @Test
    void readOnlyScopesCannotWriteAndSendingFromAnotherMailboxNeedsMailSendShared() throws Exception {
      CodeFlow flow = new CodeFlow(sandbox);
      String readOnly = flow.accessToken(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD,
          "openid offline_access https://graph.microsoft.com/Mail.Read");
      assertThat(get("/v1.0/me/messages", readOnly).status()).isEqualTo(200);
      assertGraphError(post("/v1.0/me/messages", readOnly, mail("Draft", DemoSeed.USER)), 403, "ErrorAccessDenied");
      assertGraphError(post("/v1.0/me/sendMail", readOnly, new JsonObject().put("message", mail("x", DemoSeed.USER))),
          403, "ErrorAccessDenied");

      String ownSendOnly = flow.accessToken(DemoSeed.USER, DemoSeed.USER_PASSWORD, OWN_MAIL);
      JsonObject fromSales = mail("As sales", DemoSeed.ADMIN).put("from", new JsonObject().put("emailAddress",
          new JsonObject().put("address", DemoSeed.SHARED)));
      assertGraphError(post("/v1.0/me/sendMail", ownSendOnly, new JsonObject().put("message", fromSales)), 403,
          "ErrorAccessDenied");
    }

    @Test
    void customHeadersMustStartWithX() throws Exception {
      JsonObject message = mail("Headers", DemoSeed.USER).put("internetMessageHeaders", new JsonArray()
          .add(new JsonObject().put("name", "Priority").put("value", "urgent")));
      Http.Answer answer = post("/v1.0/me/sendMail", megan, new JsonObject().put("message", message));
      assertGraphError(answer, 400, "InvalidInternetMessageHeader");
    }

    @Test
    void aTokenWithoutMailScopesIsDenied() throws Exception {
      String userRead = new CodeFlow(sandbox).accessToken(DemoSeed.ADMIN, DemoSeed.ADMIN_PASSWORD, CodeFlow.SCOPE);
      assertGraphError(get("/v1.0/me/messages", userRead), 403, "ErrorAccessDenied");
      assertThat(List.of(get("/v1.0/me/messages", "garbage").status())).containsExactly(401);
    }
  }
}
