package dev.outlookflow.outlook.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.outlook.connection.ConnectionSettings;
import dev.outlookflow.outlook.mail.Mailbox;
import dev.outlookflow.outlook.mail.MailboxFence;
import dev.outlookflow.plugin.api.ExtensionException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Where a mail is drafted and what its From says, decided (and fenced) before any Graph call. */
class SendPlanTest {
  private static final String ME = "adele@contoso.com";
  private static final String SALES = "sales@contoso.com";

  private static MailboxFence delegated(JsonObject extra) {
    return new MailboxFence(ConnectionSettings.of(new JsonObject().put("authMode", "authorization_code_pkce")
        .mergeIn(extra)), ME, "c1");
  }

  private static OutgoingMail mail(JsonObject properties) {
    return OutgoingMail.of(properties.put("to", new JsonArray().add("megan@contoso.com")));
  }

  @Test
  void withoutFromTheMailIsDraftedAndSentInTheConnectionsMailbox() {
    SendPlan plan = SendPlan.of(mail(new JsonObject()), delegated(new JsonObject()), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
    assertThat(plan.fromHeader()).isNull();
  }

  @Test
  void fromTheSignedInUserIsTheSameAsNoFrom() {
    SendPlan plan = SendPlan.of(mail(new JsonObject().put("from", "Adele@Contoso.com")), delegated(new JsonObject()), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
  }

  @Test
  void asTheMailboxDraftsInTheSharedMailboxWithoutAFromHeader() {
    SendPlan plan = SendPlan.of(mail(new JsonObject().put("from", SALES)), delegated(new JsonObject()), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.of(SALES));
    assertThat(plan.fromHeader()).isNull();
  }

  @Test
  void onBehalfDraftsInTheUsersMailboxWithFromSet() {
    SendPlan plan = SendPlan.of(mail(new JsonObject().put("from", SALES).put("sendMode", "on_behalf")),
        delegated(new JsonObject()), ME);
    assertThat(plan.draftBox()).isEqualTo(Mailbox.ME);
    assertThat(plan.fromHeader()).isEqualTo(SALES);
  }

  @Test
  void sharedMailboxesOnlyRefusesOnBehalfAndTheOwnMailbox() {
    MailboxFence sharedOnly = delegated(new JsonObject().put("sharedMailboxesOnly", true).put("mailbox", SALES));
    assertThat(SendPlan.of(mail(new JsonObject()), sharedOnly, ME).draftBox()).isEqualTo(Mailbox.of(SALES));
    assertThatThrownBy(() -> SendPlan.of(mail(new JsonObject().put("from", ME)), sharedOnly, ME))
        .isInstanceOf(ExtensionException.class).hasMessageStartingWith("'from': this connection may use shared");
    assertThatThrownBy(() -> SendPlan.of(mail(new JsonObject().put("from", "support@contoso.com")
            .put("sendMode", "on_behalf")), sharedOnly, ME))
        .isInstanceOf(ExtensionException.class).hasMessageContaining("Choose 'As the mailbox' (Send As) instead.");
  }

  @Test
  void aSharedOnlyConnectionWhoseMailboxIsTheUsersOwnIsRefusedNamingTheConnectionsMailboxNotFrom() {
    MailboxFence ownMailbox = delegated(new JsonObject().put("sharedMailboxesOnly", true).put("mailbox", ME));

    assertThatThrownBy(() -> SendPlan.of(mail(new JsonObject()), ownMailbox, ME))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("The connection's 'mailbox' (" + ME + ") is the signed-in user's own mailbox, and the connection "
            + "may use shared mailboxes only: an admin must set 'mailbox' to a shared mailbox (PUT "
            + "/api/v1/connections/c1), or sign in with another account that has access to it.");
    assertThatThrownBy(() -> ownMailbox.resolve("", "mailbox")).hasMessageStartingWith("The connection's 'mailbox'");
  }

  @Test
  void appOnlyIsFencedToItsMailboxAndTheOthersListed() {
    MailboxFence appOnly = new MailboxFence(ConnectionSettings.of(new JsonObject().put("authMode", "client_credentials")
        .put("mailbox", ME).put("allowedMailboxes", new JsonArray().add(SALES))), null, "c1");
    assertThat(SendPlan.of(mail(new JsonObject().put("from", "SALES@contoso.com")), appOnly, null).draftBox())
        .isEqualTo(Mailbox.of("SALES@contoso.com"));
    assertThatThrownBy(() -> SendPlan.of(mail(new JsonObject().put("from", "ceo@contoso.com")), appOnly, null))
        .isInstanceOf(ExtensionException.class)
        .hasMessage("'from': this app-only connection may use only " + ME + ", " + SALES + ", not ceo@contoso.com. "
            + "Pick one of those, or have an admin add ceo@contoso.com to 'Other mailboxes this connection may use' "
            + "on the connection.");
  }
}
