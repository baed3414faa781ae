package dev.outlookflow.outlook.mail.folders;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outlookflow.outlook.mail.Listing;
import java.util.List;

/** What "List folders" gives later steps: the folders in Graph's own shape. */
public record ListFoldersOutput(
    @JsonPropertyDescription("The folders as Microsoft Graph describes them: id, displayName, parentFolderId, "
        + "childFolderCount, unreadItemCount, totalItemCount and isHidden, or only the fields chosen in Fields "
        + "($select), id always")
        List<JsonNode> folders,
    @JsonPropertyDescription("How many folders the list holds") int count,
    @JsonPropertyDescription("Whether the mailbox has more folders than 'At most this many folders' let through")
        boolean more) {

  static ListFoldersOutput of(Listing.Found found) {
    return new ListFoldersOutput(found.items(), found.items().size(), found.more());
  }
}
