package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PATCH, move and DELETE through Graph, the same by the control API, and Exchange's size limit. */
class MessageChangesTest extends MailTest {



  @Test
  void patchChangesReadStateCategoriesAndFlag() throws Exception {
    String id = delivered("Patch me").getString("restId");
    Http.Answer patched = sandbox.send("PATCH", "/v1.0/me/messages/" + id, users.megan, new JsonObject()
        .put("isRead", true).put("categories", new JsonArray().add("Red"))
        .put("flag", new JsonObject().put("flagStatus", "flagged")).put("subject", "ignored: not a draft"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().getBoolean("isRead")).isTrue();
    assertThat(patched.json().getJsonArray("categories").getList()).containsExactly("Red");
    assertThat(patched.json().getJsonObject("flag").getString("flagStatus")).isEqualTo("flagged");
    assertThat(patched.json().getString("subject")).isEqualTo("Patch me");
  }

  @Test
  void aMoveChangesTheRestIdButNotTheImmutableOne() throws Exception {
    JsonObject message = delivered("Move me");
    Http.Answer moved = sandbox.send("POST", "/v1.0/me/messages/" + message.getString("restId") + "/move", users.megan,
        new JsonObject().put("destinationId", "archive"));
    assertThat(moved.status()).isEqualTo(201);
    assertThat(moved.json().getString("id")).isNotEqualTo(message.getString("restId"));
    Http.Answer byImmutable = sandbox.send("GET", "/v1.0/me/messages/" + message.getString("id"), users.megan, null,
        "Prefer", "IdType=\"ImmutableId\"");
    assertThat(byImmutable.json().getString("id")).isEqualTo(message.getString("id"));
    assertThat(byImmutable.json().getString("parentFolderId"))
        .isEqualTo(sandbox.send("GET", "/v1.0/me/mailFolders/archive", users.megan, null).json().getString("id"));
  }

  @Test
  void deleteMovesToDeletedItemsThenRemovesForGood() throws Exception {
    String id = delivered("Delete me").getString("id");
    assertThat(sandbox.send("DELETE", "/v1.0/me/messages/" + id, users.megan, null).status()).isEqualTo(204);
    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/folders/deleteditems/messages", null).json()
        .getJsonArray("value")).hasSize(1);
    assertThat(sandbox.send("DELETE", "/v1.0/me/messages/" + id, users.megan, null).status()).isEqualTo(204);
    assertThat(sandbox.send("GET", "/v1.0/me/messages/" + id, users.megan, null).status()).isEqualTo(404);
  }

  @Test
  void permanentDeleteRemovesAtOnceWithoutPassingDeletedItems() throws Exception {
    String id = delivered("Gone for good").getString("id");
    assertThat(sandbox.send("POST", "/v1.0/me/messages/" + id + "/permanentDelete", users.megan, null).status())
        .isEqualTo(204);
    assertThat(sandbox.send("GET", "/v1.0/me/messages/" + id, users.megan, null).status()).isEqualTo(404);
    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/folders/deleteditems/messages", null).json()
        .getJsonArray("value")).isEmpty();
  }

  @Test
  void theControlApiMovesAndDeletesAsTheUserWould() throws Exception {
    String id = delivered("By hand").getString("id");
    assertThat(sandbox.control("/mailboxes/" + DemoSeed.ADMIN + "/messages/" + id + "/move",
        new JsonObject().put("destination", "archive")).status()).isEqualTo(200);
    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/folders/archive/messages", null).json()
        .getJsonArray("value")).hasSize(1);
    assertThat(sandbox.send("DELETE", "/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/messages/" + id, null, null).status())
        .isEqualTo(204);
    assertThat(sandbox.get("/_sandbox/mailboxes/" + DemoSeed.ADMIN + "/folders/archive/messages", null).json()
        .getJsonArray("value")).isEmpty();
  }

  @Test
  void aDraftOver35MegabytesIsErrorMessageSizeExceededWhenSent() throws Exception {
    String draft = sandbox.send("POST", "/v1.0/me/messages", users.megan, MailUsers.mail("Huge", DemoSeed.USER))
        .json().getString("id");
    for (int i = 0; i < 12; i++) {
      String url = sandbox.send("POST", "/v1.0/me/messages/" + draft + "/attachments/createUploadSession", users.megan,
          new JsonObject().put("AttachmentItem", new JsonObject().put("attachmentType", "file").put("name", i + ".bin")
              .put("size", 3_200_000))).json().getString("uploadUrl");
      byte[] part = new byte[3_200_000];
      Arrays.fill(part, (byte) i);
      var http = java.net.http.HttpClient.newHttpClient();
      assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .header("Content-Range", "bytes 0-3199999/3200000")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(part)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }
    Http.Answer sent = sandbox.send("POST", "/v1.0/me/messages/" + draft + "/send", users.megan, null);
    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.json().getJsonObject("error").getString("code")).isEqualTo("ErrorMessageSizeExceeded");
  }
}
