package dev.outlookflow.outlook.mail.send;

import static dev.outlookflow.outlook.PanelValues.bind;
import static dev.outlookflow.outlook.PanelValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.MailboxFence;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.outlook.settings.OutlookConnectionProperties;
import dev.outlookflow.plugin.api.ExtensionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a mail is drafted and what its From says, decided (and fenced) before any Graph call. */
class SendPlanTest {
  private static final String ME = "adele@contoso.com";
  private static final String SALES = "sales@contoso.com";

  private static MailboxFence fence(String connection, String account) {
    return new MailboxFence(ConnectionSettings.of(bind(OutlookConnectionProperties.class, connection),
        Optional.empty()), account, "c1");
  }

  private static MailboxFence delegated(String connection) {
    return fence(connection, ME);
  }

  private static OutgoingMail mail(String properties) {
    ObjectNode values = values(properties);
    values.putArray("to").add("megan@contoso.com");
    return OutgoingMail.of(bind(SendEmailProperties.class, values));
  }

  @Test
  void withoutFromTheMailIsDraftedAndSentInTheConnectionsMailbox() {
    SendPlan plan = SendPlan.of(mail("{}"), delegated("{}"), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
    assertThat(plan.fromHeader()).isNull();
  }

  @Test
  void fromTheSignedInUserIsTheSameAsNoFrom() {
    SendPlan plan = SendPlan.of(mail("{from: 'Adele@Contoso.com'}"), delegated("{}"), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
  }

  @Test
  void asTheMailboxDraftsInTheSharedMailboxWithoutAFromHeader() {
    SendPlan plan = SendPlan.of(mail("{from: '" + SALES + "'}"), delegated("{}"), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.of(SALES));
    assertThat(plan.fromHeader()).isNull();
  }

  @Test
  void onBehalfDraftsInTheUsersMailboxWithFromSet() {
    SendPlan plan = SendPlan.of(mail("{from: '" + SALES + "', sendMode: 'on_behalf'}"), delegated("{}"), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
    assertThat(plan.fromHeader()).isEqualTo(SALES);
  }

  @Test
  void sharedMailboxesOnlyRefusesOnBehalfAndTheOwnMailbox() {
    MailboxFence sharedOnly = delegated("{sharedMailboxesOnly: true, mailbox: '" + SALES + "'}");
    assertThat(SendPlan.of(mail("{}"), sharedOnly, ME).draftBox()).isEqualTo(Mailbox.of(SALES));
    assertThatThrownBy(() -> SendPlan.of(mail("{from: '" + ME + "'}"), sharedOnly, ME))
        .isInstanceOf(ExtensionException.class).hasMessageStartingWith("'from': this connection may use shared");
    assertThatThrownBy(() -> SendPlan.of(mail("{from: 'support@contoso.com', sendMode: 'on_behalf'}"), sharedOnly,
            ME))
        .isInstanceOf(ExtensionException.class).hasMessageContaining("Choose 'As the mailbox' (Send As) instead.");
  }

  @Test
  void aSharedOnlyConnectionWhoseMailboxIsTheUsersOwnIsRefusedNamingTheConnectionsMailboxNotFrom() {
    MailboxFence ownMailbox = delegated("{sharedMailboxesOnly: true, mailbox: '" + ME + "'}");

    assertThatThrownBy(() -> SendPlan.of(mail("{}"), ownMailbox, ME))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("The connection's 'mailbox' (" + ME + ") is the signed-in user's own mailbox, and the connection "
            + "may use shared mailboxes only: an admin must set 'mailbox' to a shared mailbox (PUT "
            + "/api/v1/connections/c1), or sign in with another account that has access to it.");
    assertThatThrownBy(() -> ownMailbox.resolve("", "mailbox")).hasMessageStartingWith("The connection's 'mailbox'");
  }

  @Test
  void appOnlyIsFencedToItsMailboxAndTheOthersListed() {
    MailboxFence appOnly = fence("{authMode: 'client_credentials', mailbox: '" + ME + "', allowedMailboxes: ['"
        + SALES + "']}", null);
    assertThat(SendPlan.of(mail("{from: 'SALES@contoso.com'}"), appOnly, null).draftBox())
        .isEqualTo(Mailbox.of("SALES@contoso.com"));
    assertThatThrownBy(() -> SendPlan.of(mail("{from: 'ceo@contoso.com'}"), appOnly, null))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("'from': this app-only connection may use only " + ME + ", " + SALES + ", not ceo@contoso.com. "
            + "Pick one of those, or have an admin add ceo@contoso.com to 'Other mailboxes this connection may use' "
            + "on the connection.");
  }
}
