package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Attachments: small ones inline, 3 to 150 MB ones through an upload session. */
class AttachmentsTest extends MailTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private String draft() throws Exception {
    return sandbox.send("POST", "/v1.0/me/messages", users.megan, MailUsers.mail("With file", DemoSeed.USER))
        .json().getString("id");
  }

  @Test
  void aSmallAttachmentIsAddedListedAndSentAlong() throws Exception {
    String id = draft();
    Http.Answer added = sandbox.send("POST", "/v1.0/me/messages/" + id + "/attachments", users.megan, new JsonObject()
        .put("@odata.type", "#microsoft.graph.fileAttachment").put("name", "a.txt").put("contentType", "text/plain")
        .put("contentBytes", Base64.getEncoder().encodeToString("hello".getBytes())));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().getInteger("size")).isEqualTo(5);
    assertThat(sandbox.send("GET", "/v1.0/me/messages/" + id + "/attachments", users.megan, null).json()
        .getJsonArray("value")).hasSize(1);
    JsonObject selected = sandbox.send("GET", "/v1.0/me/messages/" + id + "/attachments?$select=id,name", users.megan,
        null).json().getJsonArray("value").getJsonObject(0);
    assertThat(selected.fieldNames()).containsExactlyInAnyOrder("@odata.type", "id", "name");
    assertThat(sandbox.send("GET", "/v1.0/me/messages/" + id, users.megan, null).json().getBoolean("hasAttachments")).isTrue();

    sandbox.send("POST", "/v1.0/me/messages/" + id + "/send", users.megan, null);
    JsonObject received = sandbox.get("/_sandbox/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", null).json()
        .getJsonArray("value").getJsonObject(0);
    assertThat(received.getJsonArray("attachments").getJsonObject(0).getString("name")).isEqualTo("a.txt");
  }

  @Test
  void anUploadSessionTakesChunksInOrderWithoutAnAuthorizationHeader() throws Exception {
    String id = draft();
    byte[] file = new byte[5 * 1024 * 1024 + 123];
    Arrays.fill(file, (byte) 7);
    Http.Answer session = sandbox.send("POST", "/v1.0/me/messages/" + id + "/attachments/createUploadSession", users.megan,
        new JsonObject().put("AttachmentItem", new JsonObject().put("attachmentType", "file").put("name", "big.bin")
            .put("size", file.length)));
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    assertThat(session.json().getJsonArray("nextExpectedRanges").getList()).containsExactly("0-");
    String uploadUrl = session.json().getString("uploadUrl");

    HttpResponse<String> withAuth = put(uploadUrl, file, 0, 1024, "Bearer " + users.megan);
    assertThat(withAuth.statusCode()).isEqualTo(401);
    HttpResponse<String> first = put(uploadUrl, file, 0, 4 * 1024 * 1024, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getJsonArray("nextExpectedRanges").getList()).containsExactly("4194304");
    HttpResponse<String> overlap = put(uploadUrl, file, 1024, 2048, null);
    assertThat(overlap.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(overlap.body()).getJsonObject("error").getString("code")).isEqualTo("invalidRange");
    HttpResponse<String> last = put(uploadUrl, file, 4 * 1024 * 1024, file.length, null);
    assertThat(last.statusCode()).isEqualTo(201);
    assertThat(last.headers().firstValue("Location").orElseThrow()).contains("/attachments/");

    JsonArray attachments = sandbox.send("GET", "/v1.0/me/messages/" + id + "/attachments", users.megan, null).json()
        .getJsonArray("value");
    assertThat(attachments.getJsonObject(0).getInteger("size")).isEqualTo(file.length);
  }

  @Test
  void sessionsAreOnlyForFilesOfThreeMegabytesOrMore() throws Exception {
    Http.Answer small = sandbox.send("POST", "/v1.0/me/messages/" + draft() + "/attachments/createUploadSession",
        users.megan, new JsonObject().put("AttachmentItem", new JsonObject().put("attachmentType", "file")
            .put("name", "s.bin").put("size", 1000)));
    assertThat(small.status()).isEqualTo(400);
    assertThat(small.json().getJsonObject("error").getString("code"))
        .isEqualTo("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
  }

  @Test
  void aCancelledSessionIsGone() throws Exception {
    String url = sandbox.send("POST", "/v1.0/me/messages/" + draft() + "/attachments/createUploadSession", users.megan,
        new JsonObject().put("AttachmentItem", new JsonObject().put("attachmentType", "file").put("name", "c.bin")
            .put("size", 4_000_000))).json().getString("uploadUrl");
    assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(204);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> put(String url, byte[] file, int from, int to, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/octet-stream")
        .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + file.length)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(file, from, to)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMailWithOnlyInlineAttachmentsHasNoAttachmentsAsGraphSaysAndGainsThemWithAFile() throws Exception {
    String id = draft();
    JsonObject image = new JsonObject().put("@odata.type", "#microsoft.graph.fileAttachment").put("name", "logo.png")
        .put("contentType", "image/png").put("isInline", true).put("contentId", "logo")
        .put("contentBytes", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    sandbox.send("POST", "/v1.0/me/messages/" + id + "/attachments", users.megan, image);
    assertThat(hasAttachments(id)).as("hasAttachments leaves inline attachments out").isFalse();

    JsonObject file = image.copy().put("name", "a.pdf").put("isInline", false).put("contentId", (String) null);
    String fileId = sandbox.send("POST", "/v1.0/me/messages/" + id + "/attachments", users.megan, file).json()
        .getString("id");
    assertThat(hasAttachments(id)).isTrue();
    sandbox.send("DELETE", "/v1.0/me/messages/" + id + "/attachments/" + fileId, users.megan, null);
    assertThat(hasAttachments(id)).as("only the inline image is left").isFalse();
  }

  @Test
  void theControlApiDeliversAttachedItemsAndLinksAsTheirMetadata() throws Exception {
    JsonObject mail = MailUsers.mail("Items", DemoSeed.USER).put("attachments", new JsonArray()
        .add(new JsonObject().put("@odata.type", "#microsoft.graph.itemAttachment").put("name", "Meeting")
            .put("size", 2048))
        .add(new JsonObject().put("@odata.type", "#microsoft.graph.referenceAttachment").put("name", "Plan.docx")
            .put("size", 512)));
    String id = sandbox.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", mail).json()
        .getString("id");

    JsonArray listed = sandbox.send("GET", "/v1.0/users/" + DemoSeed.USER + "/messages/" + id
        + "/attachments?$select=id,name,size,isInline", users.app, null).json().getJsonArray("value");
    assertThat(listed.stream().map(a -> ((JsonObject) a).getString("@odata.type")))
        .containsExactly("#microsoft.graph.itemAttachment", "#microsoft.graph.referenceAttachment");
    assertThat(listed.getJsonObject(0).getLong("size")).isEqualTo(2048);
    assertThat(listed.getJsonObject(1).containsKey("contentBytes")).isFalse();
  }

  @Test
  void theControlApiDeliversMailLargerThanGraphsRequestBound() throws Exception {
    // Over Graph's 4 MiB; the control API takes up to 64 MiB (Jackson's default string bound, which SandboxMain and
    // the runtime raise, limits this JVM to 20 million characters).
    byte[] file = new byte[5 * 1024 * 1024];
    JsonObject mail = MailUsers.mail("Large", DemoSeed.USER).put("attachments", new JsonArray().add(new JsonObject()
        .put("name", "large.bin").put("contentBytes", Base64.getEncoder().encodeToString(file))));
    Http.Answer delivered = sandbox.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages", mail);
    assertThat(delivered.status()).isEqualTo(201);

    Http.Answer overGraphsBound = sandbox.send("POST", "/v1.0/me/messages", users.megan, mail);
    assertThat(overGraphsBound.status()).as("Graph's own requests stay within 4 MiB").isEqualTo(413);
  }

  private boolean hasAttachments(String id) throws Exception {
    return sandbox.send("GET", "/v1.0/me/messages/" + id + "?$select=hasAttachments", users.megan, null).json()
        .getBoolean("hasAttachments");
  }
}
