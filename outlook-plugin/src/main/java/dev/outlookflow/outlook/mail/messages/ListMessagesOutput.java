package dev.outlookflow.outlook.mail.messages;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outlookflow.outlook.mail.Listing;
import java.util.List;

/** What "List messages" gives later steps: the messages in Graph's own shape. */
public record ListMessagesOutput(
    @JsonPropertyDescription("The messages as Microsoft Graph describes them (id, subject, from, toRecipients, "
        + "receivedDateTime, body, ...), or only the fields chosen in Fields ($select), id always; with "
        + "attachments' names and sizes on request, never their content")
        List<JsonNode> messages,
    @JsonPropertyDescription("How many messages the list holds") int count,
    @JsonPropertyDescription("Whether the folder has more messages than 'At most this many messages' let through")
        boolean more) {

  static ListMessagesOutput of(Listing.Found found) {
    return new ListMessagesOutput(found.items(), found.items().size(), found.more());
  }
}
