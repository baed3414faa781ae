package dev.outlookflow.outlook.mail.send;

import static dev.outlookflow.outlook.OutputContract.descriptions;
import static dev.outlookflow.outlook.OutputContract.problem;
import static dev.outlookflow.outlook.OutputContract.schemaKeys;
import static dev.outlookflow.outlook.OutputContract.writtenKeys;
import static dev.outlookflow.outlook.PanelValues.bind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.uischema.binding.RecordBinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What "Send an email" gives later steps ({@code {{steps.<id>.messageId}}} and the rest). */
class SendOutputTest {
  private static final String ME = "adele@contoso.com";
  private static final List<String> KEYS = List.of("messageId", "internetMessageId", "from", "sender", "to", "cc",
      "bcc", "replyTo", "subject", "sentDateTime", "size", "attachmentCount", "sentItemsMailbox");

  private static OutgoingMail mail(String properties) {
    return OutgoingMail.of(bind(SendEmailProperties.class, properties));
  }

  private static SendProgress sent(SentMessage details) {
    return SendProgress.of(Optional.empty()).creating().drafted("draft-1").sending().sent(details);
  }

  @Test
  void theCatalogOffersExactlyTheKeysARunWrites() {
    SendOutput output = SendOutput.of(mail("{to: ['megan@contoso.com']}"),
        new SendPlan(Mailbox.ME, null, SendMode.AS_MAILBOX), ME, sent(null));

    assertThat(schemaKeys(SendEmailAction.DESCRIPTOR.output())).isEqualTo(KEYS);
    assertThat(writtenKeys(output)).isEqualTo(KEYS);
    assertThat(descriptions(SendOutput.class)).allSatisfy((key, description) -> assertThat(description).isNotBlank());
    assertThat(problem(SendOutput.class, "internetMessageId")).isEmpty();
    assertThat(problem(SendOutput.class, "to[0]")).isEmpty();
    assertThat(problem(SendOutput.class, "messageID")).hasValueSatisfying(
        sentence -> assertThat(sentence).startsWith("steps.step has no output 'messageID'; it has: messageId, "));
  }

  @Test
  void aSentMailIsDescribedByWhatGraphSaidOfItAndTheStepsFields() {
    SendOutput output = SendOutput.of(mail("{to: ['Megan Bowen <megan@contoso.com>'], cc: ['lee@contoso.com'], "
            + "subject: 'Report', body: 'Hi'}"), new SendPlan(Mailbox.ME, null, SendMode.AS_MAILBOX), ME,
        sent(new SentMessage("<abc@contoso.com>", "adele@contoso.com", "adele@contoso.com", "2026-03-02T10:00:00Z")));

    ObjectNode written = RecordBinding.object(output);
    assertThat(written.toString()).isEqualTo("{\"messageId\":\"draft-1\",\"internetMessageId\":\"<abc@contoso.com>\","
        + "\"from\":\"adele@contoso.com\",\"sender\":\"adele@contoso.com\",\"to\":[\"megan@contoso.com\"],"
        + "\"cc\":[\"lee@contoso.com\"],\"bcc\":[],\"replyTo\":[],\"subject\":\"Report\","
        + "\"sentDateTime\":\"2026-03-02T10:00:00Z\",\"size\":2,\"attachmentCount\":0,"
        + "\"sentItemsMailbox\":\"adele@contoso.com\"}");
  }

  @Test
  void whatGraphDidNotSayIsWhatThePlanSaysAndAbsentValuesAreWrittenAsNull() {
    SendOutput onBehalf = SendOutput.of(mail("{to: ['megan@contoso.com'], from: 'sales@contoso.com', "
            + "sendMode: 'on_behalf', saveToSentItems: false}"),
        new SendPlan(Mailbox.ME, "sales@contoso.com", SendMode.ON_BEHALF), ME, sent(null));

    assertThat(onBehalf.from()).isEqualTo("sales@contoso.com");
    assertThat(onBehalf.sender()).isEqualTo(ME);
    assertThat(onBehalf.subject()).isEmpty();
    ObjectNode written = RecordBinding.object(onBehalf);
    assertThat(written.get("internetMessageId").isNull()).isTrue();
    assertThat(written.get("sentDateTime").isNull()).isTrue();
    assertThat(written.get("sentItemsMailbox").isNull()).as("no copy was kept").isTrue();
  }
}
