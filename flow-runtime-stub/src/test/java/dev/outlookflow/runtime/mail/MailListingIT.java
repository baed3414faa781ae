package dev.outlookflow.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.OutlookRuntime;
import dev.outlookflow.runtime.support.OutlookRuntimePerTest;
import dev.outlookflow.runtime.support.OutlookTenant;
import dev.outlookflow.runtime.support.Runs;
import dev.outlookflow.sandbox.support.MailUsers;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** List folders, create folder and list messages through the runtime, in Graph's shapes, with bad options explained. */
class MailListingIT {
  @RegisterExtension final OutlookRuntimePerTest outlook = new OutlookRuntimePerTest();
  private OutlookRuntime runtime;
  private OutlookTenant tenant;
  private ApiClient api;
  private String connection;

  @BeforeEach
  void bind() {
    runtime = outlook.runtime();
    tenant = runtime.tenant();
    api = runtime.api();
    connection = tenant.appOnlyConnection(DemoSeed.USER);
  }

  private JsonObject step(String type, JsonObject properties) {
    return runtime.runStep(type, properties.put("connection", connection), new JsonObject());
  }

  private JsonObject succeeded(String type, JsonObject properties) {
    JsonObject run = step(type, properties);
    assertThat(run.getString("status")).as(run.encodePrettily()).isEqualTo("succeeded");
    return OutlookRuntime.output(run);
  }

  private void deliver(String subject, JsonObject extra) {
    tenant.control("/mailboxes/" + DemoSeed.USER + "/folders/inbox/messages",
        MailUsers.mail(subject, DemoSeed.USER).mergeIn(extra));
  }

  @Nested
  class Folders {
    @Test
    void listsTheMailboxFoldersInGraphsShape() {
      JsonObject output = succeeded("outlook/list-folders", new JsonObject());

      JsonArray folders = output.getJsonArray("folders");
      assertThat(folders.stream().map(f -> ((JsonObject) f).getString("displayName")))
          .contains("Inbox", "Sent Items", "Drafts", "Deleted Items", "Archive");
      assertThat(folders.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "displayName",
          "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden");
      assertThat(output.getInteger("count")).isEqualTo(folders.size());
      assertThat(output.getBoolean("more")).isFalse();
    }

    @Test
    void selectsFiltersAndListsChildFolders() {
      JsonObject inbox = succeeded("outlook/list-folders", new JsonObject().put("filter", "displayName eq 'Inbox'")
          .put("select", "displayName"));
      assertThat(inbox.getJsonArray("folders")).hasSize(1);
      assertThat(inbox.getJsonArray("folders").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id",
          "displayName");

      String projects = succeeded("outlook/create-folder", new JsonObject().put("displayName", "Projects"))
          .getString("id");
      succeeded("outlook/create-folder", new JsonObject().put("displayName", "Apollo").put("parentFolder", projects));
      JsonObject children = succeeded("outlook/list-folders", new JsonObject().put("parentFolder", projects));
      assertThat(children.getJsonArray("folders")).hasSize(1);
      assertThat(children.getJsonArray("folders").getJsonObject(0).getString("parentFolderId")).isEqualTo(projects);
    }

    @Test
    void anExistingNameFailsClearlyOrIsUsedWhenAsked() {
      JsonObject created = succeeded("outlook/create-folder", new JsonObject().put("displayName", "Invoices"));
      assertThat(created.getBoolean("created")).isTrue();
      assertThat(created.getString("displayName")).isEqualTo("Invoices");

      JsonObject again = step("outlook/create-folder", new JsonObject().put("displayName", "Invoices"));
      assertThat(OutlookRuntime.error(again).getString("code")).isEqualTo("folder_exists");
      assertThat(OutlookRuntime.error(again).getString("message")).isEqualTo("A folder named 'Invoices' already exists "
          + "at the top level of " + DemoSeed.USER + ": choose another name, or set 'If a folder of that name exists' "
          + "to use it.");

      JsonObject reused = succeeded("outlook/create-folder", new JsonObject().put("displayName", "Invoices")
          .put("ifExists", "use_existing"));
      assertThat(reused.getString("id")).isEqualTo(created.getString("id"));
      assertThat(reused.getBoolean("created")).isFalse();
    }

    @Test
    void theFolderDropdownOffersTheMailboxFolders() {
      ApiClient.Answer options = api.post("/api/v1/catalog/actions/outlook/list-messages/options/folder",
          new JsonObject().put("connection", connection));

      assertThat(options.status()).as(options.text()).isEqualTo(200);
      assertThat(options.json().getJsonArray("options").stream().map(o -> ((JsonObject) o).getString("label")))
          .contains("Inbox", "Archive");
      ApiClient.Answer fenced = api.post("/api/v1/catalog/actions/outlook/list-messages/options/folder",
          new JsonObject().put("connection", connection).put("mailbox", DemoSeed.SHARED));
      assertThat(fenced.status()).isEqualTo(502);
      assertThat(fenced.json().getString("error")).startsWith("the options of 'folder' could not be loaded: "
          + "'mailbox': this app-only connection may use only " + DemoSeed.USER);
    }
  }

  @Nested
  class Messages {
    @Test
    void followsPagesUpToTheBoundInGraphsShape() {
      for (int i = 0; i < 30; i++) {
        deliver("Message " + i, new JsonObject());
      }

      JsonObject output = succeeded("outlook/list-messages", new JsonObject().put("top", 10).put("maxItems", 25));

      JsonArray messages = output.getJsonArray("messages");
      assertThat(messages).hasSize(25);
      assertThat(output.getBoolean("more")).isTrue();
      JsonObject newest = messages.getJsonObject(0);
      assertThat(newest.getString("subject")).isEqualTo("Message 29");
      assertThat(newest.fieldNames()).contains("id", "subject", "from", "toRecipients", "receivedDateTime", "body",
          "isRead", "hasAttachments", "internetMessageId", "conversationId", "parentFolderId");
    }

    @Test
    void selectsFiltersOrdersAndIncludesAttachmentMetadataOnly() {
      deliver("Old", new JsonObject().put("isRead", true));
      deliver("With file", new JsonObject().put("attachments", new JsonArray().add(new JsonObject()
          .put("@odata.type", "#microsoft.graph.fileAttachment").put("name", "a.txt").put("contentType", "text/plain")
          .put("contentBytes", Base64.getEncoder().encodeToString("hello".getBytes())))));

      JsonObject unread = succeeded("outlook/list-messages", new JsonObject().put("filter", "isRead eq false")
          .put("select", "subject,hasAttachments").put("orderBy", "receivedDateTime asc")
          .put("includeAttachments", true));

      JsonArray messages = unread.getJsonArray("messages");
      assertThat(messages).hasSize(1);
      JsonObject message = messages.getJsonObject(0);
      assertThat(message.getString("subject")).isEqualTo("With file");
      assertThat(message.fieldNames()).containsExactlyInAnyOrder("@odata.etag", "id", "subject", "hasAttachments",
          "attachments");
      JsonObject attachment = message.getJsonArray("attachments").getJsonObject(0);
      assertThat(attachment.getString("name")).isEqualTo("a.txt");
      assertThat(attachment.getInteger("size")).isEqualTo(5);
      assertThat(attachment.containsKey("contentBytes")).as("metadata only").isFalse();
    }

    @Test
    void unknownOptionsAndOutOfRangeTopAreRefusedWhenTheFlowIsSaved() {
      for (JsonObject properties : List.of(new JsonObject().put("select", "subject,subjekt"),
          new JsonObject().put("top", 5000), new JsonObject().put("$skip", 10),
          new JsonObject().put("orderBy", "received sideways"))) {
        ApiClient.Answer refused = api.post("/api/v1/flows", Runs.oneStepFlow("Bad", "mail", "outlook/list-messages",
            properties.put("connection", connection)));
        assertThat(refused.status()).as(properties.encode()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("fields")).isNotEmpty();
      }
      ApiClient.Answer unknownProperty = api.post("/api/v1/flows", Runs.oneStepFlow("Bad", "mail",
          "outlook/list-messages", new JsonObject().put("connection", connection).put("select", "subjekt")));
      assertThat(unknownProperty.json().getJsonArray("fields").getJsonObject(0).getString("message"))
          .startsWith("'subjekt' is not a property Graph can select here; known ones: bccRecipients, body,");
    }

    @Test
    void graphsRefusalOfAFilterIsASentenceQuotingIt() {
      JsonObject run = step("outlook/list-messages", new JsonObject().put("filter", "isRead eq maybe"));

      assertThat(run.getString("status")).isEqualTo("failed");
      assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("invalid_query");
      assertThat(OutlookRuntime.error(run).getString("message")).startsWith("Microsoft Graph refused the filter "
          + "'isRead eq maybe': Invalid filter clause: isRead eq maybe");
    }

    @Test
    void anAppOnlyConnectionListsOnlyItsMailboxes() {
      JsonObject run = step("outlook/list-messages", new JsonObject().put("mailbox", DemoSeed.SHARED));

      assertThat(OutlookRuntime.error(run).getString("code")).isEqualTo("mailbox_not_allowed");
    }
  }
}
