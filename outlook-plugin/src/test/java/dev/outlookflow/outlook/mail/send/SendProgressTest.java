package dev.outlookflow.outlook.mail.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.mail.send.SendProgress.Phase;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a send records in its step's state, and what a re-invoked step makes of it. */
class SendProgressTest {
  private static final String UPLOAD_URL = "https://outlook.office.com/api/v2.0/users('a')/messages('d1')/"
      + "AttachmentSessions('s1')?authtoken=UPLOAD-SECRET";

  private static ObjectNode stored(SendProgress progress) {
    // As the runtime stores a recorded state: written by Jackson.
    return RecordBinding.object(progress.recorded());
  }

  @Test
  void aFirstInvocationStartsFromNothing() {
    SendProgress progress = SendProgress.of(Optional.empty());
    assertThat(progress.phase()).isEqualTo(Phase.NEW);
    assertThat(progress.draftId()).isNull();
  }

  @Test
  void theRecordedStateNeverHoldsTheUploadUrlWhichIsASecret() {
    SendProgress uploading = SendProgress.of(Optional.empty()).creating().drafted("d1").uploading(UPLOAD_URL);
    assertThat(uploading.uploadUrl()).as("kept in memory for the upload").isEqualTo(UPLOAD_URL);

    ObjectNode state = stored(uploading);

    assertThat(state.toString()).isEqualTo("{\"phase\":\"drafted\",\"draftId\":\"d1\",\"attached\":0,\"sent\":null}")
        .doesNotContain("UPLOAD-SECRET").doesNotContain("AttachmentSessions");
  }

  @Test
  void aReInvokedStepResumesFromWhatWasRecordedAndStartsANewUploadSession() {
    ObjectNode state = stored(SendProgress.of(Optional.empty()).creating().drafted("d1").attachedCount(2)
        .uploading(UPLOAD_URL));

    SendProgress resumed = SendProgress.of(Optional.of(RecordBinding.bind(state, SendProgress.Recorded.class)));

    assertThat(resumed).isEqualTo(new SendProgress(Phase.DRAFTED, "d1", 2, null, null));
  }

  @Test
  void whatGraphSaidOfTheSentMailIsRecordedAsPlainValues() {
    SentMessage details = SentMessage.of(new JsonObject().put("id", "d1").put("subject", "Report")
        .put("internetMessageId", "<abc@contoso.com>").put("sentDateTime", "2026-03-02T10:00:00Z")
        .put("from", new JsonObject().put("emailAddress", new JsonObject().put("name", "Sales")
            .put("address", "sales@contoso.com")))
        .put("sender", new JsonObject().put("emailAddress", new JsonObject().put("address", "adele@contoso.com"))));
    SendProgress sent = SendProgress.of(Optional.empty()).creating().drafted("d1").sending().sent(details);

    ObjectNode state = stored(sent);

    assertThat(state.get("phase").asText()).isEqualTo("sent");
    assertThat(state.get("sent").toString()).isEqualTo("{\"internetMessageId\":\"<abc@contoso.com>\","
        + "\"from\":\"sales@contoso.com\",\"sender\":\"adele@contoso.com\",\"sentDateTime\":\"2026-03-02T10:00:00Z\"}");
    assertThat(SendProgress.of(Optional.of(RecordBinding.bind(state, SendProgress.Recorded.class)))).isEqualTo(sent);
  }

  @Test
  void aSendRecordedAsSentBeforeTheTypedContractResumesAsSentAndIsNotSentAgain() throws Exception {
    // As plugin API 0.2 recorded it: Graph's message as it came, From and Sender as recipients.
    JsonObject recordedBefore = new JsonObject().put("phase", "sent").put("draftId", "d1").put("attached", 0)
        .put("sent", new JsonObject().put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#messages")
            .put("internetMessageId", "<abc@contoso.com>").put("sentDateTime", "2026-03-02T10:00:00Z")
            .put("from", new JsonObject().put("emailAddress", new JsonObject().put("address", "sales@contoso.com")))
            .put("sender", new JsonObject().put("emailAddress", new JsonObject().put("address", "adele@contoso.com"))));

    SendProgress resumed = SendProgress.of(Optional.of(RecordBinding.bind(new ObjectMapper().readTree(recordedBefore.encode()),
        SendProgress.Recorded.class)));

    assertThat(resumed.phase()).isEqualTo(Phase.SENT);
    assertThat(resumed.sent()).isEqualTo(new SentMessage("<abc@contoso.com>", "sales@contoso.com",
        "adele@contoso.com", "2026-03-02T10:00:00Z"));
  }

  @Test
  void aSentMessageGraphSaidLittleOfKeepsNullsForTheOutputToFillIn() {
    assertThat(SentMessage.of(new JsonObject().put("from", new JsonObject())))
        .isEqualTo(new SentMessage(null, null, null, null));
  }
}
