package dev.outlookflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.sandbox.support.Http;
import dev.outlookflow.sandbox.support.MailTest;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Folders made and moved through the control API, as Graph makes them and Outlook moves them. */
class FolderControlTest extends MailTest {
  private static final String FOLDERS = "/mailboxes/" + DemoSeed.ADMIN + "/folders";




  private JsonObject created(String name, String parent) throws Exception {
    JsonObject body = new JsonObject().put("displayName", name);
    if (parent != null) {
      body.put("parent", parent);
    }
    Http.Answer answer = sandbox.control(FOLDERS, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private Http.Answer move(String folderId, String destination) throws Exception {
    return sandbox.control(FOLDERS + "/" + folderId + "/move", new JsonObject().put("destination", destination));
  }

  private String graphId(String path) throws Exception {
    return sandbox.send("GET", "/v1.0/me/mailFolders/" + path, users.megan, null).json().getString("id");
  }

  private static void assertRefused(Http.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().getString("error")).startsWith(field + ": ");
  }

  @Test
  void foldersAreCreatedAtTheTopOrUnderAParentAndGraphSeesThem() throws Exception {
    JsonObject projects = created("Projects", null);
    String inbox = graphId("inbox");
    assertThat(projects.getString("parentFolderId")).isEqualTo(sandbox.send("GET", "/v1.0/me/mailFolders/inbox",
        users.megan, null).json().getString("parentFolderId"));
    JsonObject receipts = created("Receipts", "inbox");
    assertThat(receipts.getString("parentFolderId")).isEqualTo(inbox);
    assertThat(receipts.fieldNames()).containsExactlyInAnyOrder("id", "displayName", "parentFolderId");
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/inbox/childFolders", users.megan, null).json()
        .getJsonArray("value").getJsonObject(0).getString("id")).isEqualTo(receipts.getString("id"));
    assertThat(created("2026", projects.getString("id")).getString("parentFolderId")).isEqualTo(projects.getString("id"));

    assertRefused(sandbox.control(FOLDERS, new JsonObject().put("displayName", "projects")), 409, "displayName");
    assertRefused(sandbox.control(FOLDERS, new JsonObject().put("displayName", "Receipts").put("parent", "Inbox")), 409,
        "displayName");
    assertRefused(sandbox.control(FOLDERS, new JsonObject().put("displayName", " ")), 400, "displayName");
    assertRefused(sandbox.control(FOLDERS, new JsonObject().put("displayName", "X").put("parent", "nope")), 400, "parent");
    assertRefused(sandbox.control("/mailboxes/nobody@example.com/folders", new JsonObject().put("displayName", "X")), 404,
        "mailbox");
  }

  @Test
  void aFolderMovesWithItsMessagesAndSubfolders() throws Exception {
    JsonObject projects = created("Projects", null);
    JsonObject alpha = created("Alpha", projects.getString("id"));
    JsonObject notes = created("Notes", alpha.getString("id"));
    sandbox.control(FOLDERS + "/" + alpha.getString("id") + "/messages", MailUsers.mail("Kept", DemoSeed.ADMIN));

    Http.Answer moved = move(alpha.getString("id"), "archive");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("id")).isEqualTo(alpha.getString("id"));
    assertThat(moved.json().getString("parentFolderId")).isEqualTo(graphId("archive"));
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/archive/childFolders", users.megan, null).json()
        .getJsonArray("value").getJsonObject(0).getString("displayName")).isEqualTo("Alpha");
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/" + projects.getString("id") + "/childFolders", users.megan,
        null).json().getJsonArray("value")).isEmpty();
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/" + alpha.getString("id") + "/messages", users.megan, null)
        .json().getJsonArray("value").getJsonObject(0).getString("subject")).isEqualTo("Kept");
    assertThat(graphId(notes.getString("id"))).isEqualTo(notes.getString("id"));

    Http.Answer toTop = move(alpha.getString("id"), "root");
    assertThat(toTop.status()).isEqualTo(200);
    assertThat(toTop.json().getString("parentFolderId")).isEqualTo(projects.getString("parentFolderId"));
  }

  @Test
  void movesThatWouldBreakTheTreeOrItsNamesAreRefused() throws Exception {
    JsonObject projects = created("Projects", null);
    JsonObject alpha = created("Alpha", projects.getString("id"));
    created("Alpha", "archive");

    assertRefused(move(projects.getString("id"), projects.getString("id")), 400, "destination");
    assertRefused(move(projects.getString("id"), alpha.getString("id")), 400, "destination");
    assertRefused(move(alpha.getString("id"), "archive"), 409, "destination");
    assertRefused(move(graphId("inbox"), projects.getString("id")), 400, "folder");
    assertRefused(move("sentitems", "archive"), 400, "folder");
    assertRefused(move(alpha.getString("id"), "nope"), 400, "destination");
    assertRefused(sandbox.control(FOLDERS + "/" + alpha.getString("id") + "/move", new JsonObject()), 400, "destination");
    assertRefused(move("nope", "archive"), 404, "folder");
    assertThat(sandbox.send("GET", "/v1.0/me/mailFolders/" + projects.getString("id") + "/childFolders", users.megan,
        null).json().getJsonArray("value").getJsonObject(0).getString("id")).isEqualTo(alpha.getString("id"));
  }
}
