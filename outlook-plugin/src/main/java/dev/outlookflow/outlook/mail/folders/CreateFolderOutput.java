package dev.outlookflow.outlook.mail.folders;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.vertx.core.json.JsonObject;

/**
 * What "Create folder" gives later steps: the folder as Graph describes a mailFolder (its v1.0
 * properties), and whether this step created it.
 */
public record CreateFolderOutput(
    @JsonPropertyDescription("The folder's id, e.g. for a later step's folder field") String id,
    @JsonPropertyDescription("The folder's name") String displayName,
    @JsonPropertyDescription("The id of the folder it is in") String parentFolderId,
    @JsonPropertyDescription("How many folders it holds") Integer childFolderCount,
    @JsonPropertyDescription("How many unread messages it holds") Integer unreadItemCount,
    @JsonPropertyDescription("How many messages it holds") Integer totalItemCount,
    @JsonPropertyDescription("Whether Outlook hides it") Boolean isHidden,
    @JsonPropertyDescription("True if this step created the folder; false if it already existed and was used")
        boolean created) {

  /** {@code folder}: Graph's mailFolder; a property it left out stays null. */
  static CreateFolderOutput of(JsonObject folder, boolean created) {
    return new CreateFolderOutput(folder.getString("id"), folder.getString("displayName"),
        folder.getString("parentFolderId"), folder.getInteger("childFolderCount"),
        folder.getInteger("unreadItemCount"), folder.getInteger("totalItemCount"), folder.getBoolean("isHidden"),
        created);
  }
}
