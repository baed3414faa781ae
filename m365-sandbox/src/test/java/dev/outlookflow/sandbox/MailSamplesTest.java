package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.support.RunningSandbox;
import static dev.outlookflow.sandbox.support.Samples.assertSameShape;
import static dev.outlookflow.sandbox.support.Samples.sample;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Microsoft's documented mail requests are accepted, and the sandbox's answers have the samples' fields and types. */
class MailSamplesTest {
  private RunningSandbox sandbox;
  private MailUsers users;

  @BeforeEach
  void start() throws Exception {
    Seed.Tenant demo = DemoSeed.seed().tenants().get(0);
    List<Seed.Member> members = new ArrayList<>(demo.sharedMailboxes().get(0).members());
    members.add(new Seed.Member(demo.user(DemoSeed.ADMIN).orElseThrow().id(), List.of("FullAccess", "SendOnBehalf")));
    Seed.SharedMailbox sales = demo.sharedMailboxes().get(0);
    Seed.Tenant tenant = new Seed.Tenant(demo.id(), demo.domain(), demo.displayName(), demo.usersMayConsent(), demo.users(),
        List.of(new Seed.SharedMailbox(sales.id(), sales.userPrincipalName(), sales.displayName(), members)), demo.apps());
    sandbox = RunningSandbox.start(SandboxOptions.demo().withSeed(new Seed(List.of(tenant))));
    users = MailUsers.of(sandbox);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
  }

  private Http.Answer sendMail(JsonObject body) throws Exception {
    return sandbox.send("POST", "/v1.0/me/sendMail", users.megan, body);
  }

  @Test
  void documentedSendMailRequestsAreAccepted() throws Exception {
    for (String name : List.of("sendmail-request-basic.json", "sendmail-request-with-headers.json",
        "sendmail-request-with-file-attachment.json")) {
      Http.Answer answer = sendMail(sample(name));
      assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(202);
      assertThat(answer.body()).isEmpty();
    }
    JsonArray outbox = sandbox.get("/_sandbox/outbox", null).json().getJsonArray("value");
    assertThat(outbox.stream().map(m -> ((JsonObject) m).getJsonArray("attachments").size())).contains(1);
  }

  @Test
  void sendOnBehalfMakesTheUserTheSenderAndTheMailboxTheFrom() throws Exception {
    JsonObject request = sample("sendmail-from-other-user-send-on-behalf-request.json");
    request.getJsonObject("message").getJsonObject("from").getJsonObject("emailAddress").put("address", DemoSeed.SHARED);
    request.getJsonObject("message").getJsonArray("toRecipients").getJsonObject(0).getJsonObject("emailAddress")
        .put("address", DemoSeed.USER);
    assertThat(sendMail(request).status()).isEqualTo(202);

    JsonObject received = sandbox.send("GET", "/v1.0/users/" + DemoSeed.USER + "/mailFolders/inbox/messages", users.app,
        null).json().getJsonArray("value").getJsonObject(0);
    assertSameShape(sample("message-sent-on-behalf-sender-vs-from.json"), received, "message");
    assertThat(received.getJsonObject("sender").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.ADMIN);
    assertThat(received.getJsonObject("from").getJsonObject("emailAddress").getString("address")).isEqualTo(DemoSeed.SHARED);
  }

  @Test
  void errorAnswersHaveTheDocumentedShape() throws Exception {
    JsonObject asAdele = sample("sendmail-from-other-user-send-on-behalf-request.json");
    asAdele.getJsonObject("message").getJsonObject("from").getJsonObject("emailAddress").put("address", DemoSeed.UNLICENSED);
    assertSameShape(sample("sendmail-error-403-ErrorSendAsDenied.json"), sendMail(asAdele).json(), "");

    Http.Answer denied = sandbox.send("GET", "/v1.0/users/" + DemoSeed.USER + "/messages", users.megan, null);
    assertSameShape(sample("error-403-ErrorAccessDenied-application-access-policy.json"), denied.json(), "");

    HttpResponse<String> badMime = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(sandbox.baseUrl() + "/v1.0/me/sendMail")).header("Authorization", "Bearer " + users.megan)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("%%% not base64 %%%")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(badMime.statusCode()).isEqualTo(400);
    assertSameShape(sample("sendmail-error-400-invalid-mime.json"), new JsonObject(badMime.body()), "");

    sandbox.control("/faults", new JsonObject().put("path", "/v1.0/**").put("times", 1)
        .put("fault", new JsonObject().put("type", "status").put("status", 429).put("retryAfter", "2.128")));
    assertSameShape(sample("throttling-429-body.json"),
        sandbox.send("GET", "/v1.0/me/messages", users.megan, null).json(), "");
  }

  @Test
  void uploadSessionAnswersHaveTheDocumentedShape() throws Exception {
    String draft = sandbox.send("POST", "/v1.0/me/messages", users.megan, MailUsers.mail("x", DemoSeed.USER))
        .json().getString("id");
    Http.Answer created = sandbox.send("POST", "/v1.0/me/messages/" + draft + "/attachments/createUploadSession",
        users.megan, sample("upload-session-create-request.json"));
    assertSameShape(sample("upload-session-create-response-201.json"), created.json(), "");

    HttpClient http = HttpClient.newHttpClient();
    String url = created.json().getString("uploadUrl");
    HttpResponse<String> chunk = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Range", "bytes 0-2097151/3483322")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2097152])).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chunk.statusCode()).isEqualTo(200);
    assertSameShape(sample("upload-session-put-chunk-response-200.json"), new JsonObject(chunk.body()), "");
    assertThat(new JsonObject(chunk.body()).getJsonArray("nextExpectedRanges").getString(0)).isEqualTo("2097152");

    HttpResponse<String> overlap = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Range", "bytes 0-9/3483322").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertSameShape(sample("graph-error-example-invalidRange.json"), new JsonObject(overlap.body()), "");
  }
}
