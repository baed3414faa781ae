package dev.outlookflow.outlook.mail.newmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.outlook.mail.Importance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MailFilterTest {
  private static final NewMail.Folder INBOX = new NewMail.Folder("AAMkInbox", "Inbox");

  /** The panel's filters, none set until a test sets them. */
  private record Filters(List<String> from, List<String> to, List<String> cc, List<String> toOrCc, String subject,
      List<Importance> importance) {
    static Filters none() {
      return new Filters(null, null, null, null, null, null);
    }

    Filters from(String... values) {
      return new Filters(List.of(values), to, cc, toOrCc, subject, importance);
    }

    Filters to(String... values) {
      return new Filters(from, List.of(values), cc, toOrCc, subject, importance);
    }

    Filters cc(String... values) {
      return new Filters(from, to, List.of(values), toOrCc, subject, importance);
    }

    Filters toOrCc(String... values) {
      return new Filters(from, to, cc, List.of(values), subject, importance);
    }

    Filters subjectContains(String text) {
      return new Filters(from, to, cc, toOrCc, text, importance);
    }

    Filters importance(Importance... values) {
      return new Filters(from, to, cc, toOrCc, subject, List.of(values));
    }

    MailFilter filter() {
      return MailFilter.of(new NewMailProperties("c1", null, null, false, 30, NewMailProperties.StartFrom.NOW, null, from, to, cc,
          toOrCc, subject, importance, false, false));
    }
  }

  /** A mail as Graph answers it; {@code from} null: none. */
  private record Mail(String from, List<String> to, List<String> cc, String subject, String importance) {
    static Mail from(String from) {
      return new Mail(from, List.of(), List.of(), "Hello", "normal");
    }

    Mail to(String... addresses) {
      return new Mail(from, List.of(addresses), cc, subject, importance);
    }

    Mail cc(String... addresses) {
      return new Mail(from, to, List.of(addresses), subject, importance);
    }

    Mail subject(String text) {
      return new Mail(from, to, cc, text, importance);
    }

    Mail importance(String level) {
      return new Mail(from, to, cc, subject, level);
    }

    NewMail event() {
      JsonObject message = new JsonObject().put("id", "AAkALg1").put("subject", subject)
          .put("toRecipients", recipients(to)).put("ccRecipients", recipients(cc)).put("importance", importance)
          .put("receivedDateTime", "2026-11-29T09:00:00Z");
      if (from != null) {
        message.put("from", recipient(from));
      }
      return NewMail.of(message, "adele@contoso.com", INBOX);
    }

    private static JsonArray recipients(List<String> addresses) {
      JsonArray recipients = new JsonArray();
      addresses.forEach(address -> recipients.add(recipient(address)));
      return recipients;
    }

    private static JsonObject recipient(String address) {
      return new JsonObject().put("emailAddress", new JsonObject().put("name", "Someone").put("address", address));
    }
  }

  private static Optional<String> refusal(Filters filters, Mail mail) {
    return filters.filter().refusal(mail.event());
  }

  private static boolean passes(Filters filters, Mail mail) {
    return refusal(filters, mail).isEmpty();
  }

  @Test
  void noFilterSetPassesEveryMailEvenWithoutSenderRecipientsOrSubject() {
    assertThat(passes(Filters.none(), Mail.from(null).subject(null).importance(null))).isTrue();
  }

  @Test
  void emptyFiltersFilterNothing() {
    Filters empty = new Filters(List.of(), List.of(), List.of(), List.of(), "", List.of());
    assertThat(passes(empty, Mail.from("ann@fabrikam.com"))).isTrue();
  }

  @Nested
  class From {
    @Test
    void anAddressMatchesThatAddressOnlyInAnyCase() {
      Filters filters = Filters.none().from("Ann@Contoso.com");
      assertThat(passes(filters, Mail.from("ann@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("ANN@CONTOSO.COM"))).isTrue();
      assertThat(passes(filters, Mail.from("anne@contoso.com"))).isFalse();
      assertThat(passes(filters, Mail.from("ann@contoso.com.evil.example"))).isFalse();
    }

    @Test
    void aDomainMatchesItsAddressesAndItsSubdomainsButNotALookalike() {
      Filters filters = Filters.none().from("@contoso.com");
      assertThat(passes(filters, Mail.from("a@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("b@eu.contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("b@mail.eu.contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("c@notcontoso.com"))).as("a lookalike ending the same").isFalse();
      assertThat(passes(filters, Mail.from("d@contoso.com.evil.example"))).isFalse();
      assertThat(passes(filters, Mail.from("contoso.com@fabrikam.com"))).as("the domain is after the @").isFalse();
    }

    @Test
    void aDomainMatchesInAnyCase() {
      assertThat(passes(Filters.none().from("@Contoso.COM"), Mail.from("A@EU.contoso.com"))).isTrue();
    }

    @Test
    void aDomainOfASubdomainDoesNotMatchItsParent() {
      assertThat(passes(Filters.none().from("@eu.contoso.com"), Mail.from("a@contoso.com"))).isFalse();
    }

    @Test
    void anyOfSeveralValuesWill() {
      Filters filters = Filters.none().from("ceo@contoso.com", "@fabrikam.com");
      assertThat(passes(filters, Mail.from("ceo@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("sales@fabrikam.com"))).isTrue();
      assertThat(passes(filters, Mail.from("cfo@contoso.com"))).isFalse();
    }

    @Test
    void aMailWithoutSenderFailsIt() {
      assertThat(refusal(Filters.none().from("@contoso.com"), Mail.from(null))).contains("from");
    }
  }

  @Nested
  class Recipients {
    @Test
    void toMatchesAnyToRecipientAndNotCc() {
      Filters filters = Filters.none().to("@contoso.com");
      assertThat(passes(filters, Mail.from("x@fabrikam.com").to("x@fabrikam.com", "sales@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").cc("sales@contoso.com"))).isFalse();
    }

    @Test
    void ccMatchesAnyCcRecipientAndNotTo() {
      Filters filters = Filters.none().cc("sales@contoso.com");
      assertThat(passes(filters, Mail.from("x@fabrikam.com").cc("SALES@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").to("sales@contoso.com"))).isFalse();
    }

    @Test
    void toOrCcMatchesEither() {
      Filters filters = Filters.none().toOrCc("sales@contoso.com");
      assertThat(passes(filters, Mail.from("x@fabrikam.com").to("sales@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").cc("sales@contoso.com"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").to("adele@contoso.com"))).isFalse();
    }

    @Test
    void aMailWithoutRecipientsFailsThem() {
      Mail nobody = Mail.from("x@fabrikam.com");
      assertThat(refusal(Filters.none().to("@contoso.com"), nobody)).contains("to");
      assertThat(refusal(Filters.none().cc("@contoso.com"), nobody)).contains("cc");
      assertThat(refusal(Filters.none().toOrCc("@contoso.com"), nobody)).contains("toOrCc");
    }
  }

  @Nested
  class Subject {
    @Test
    void containsTheTextInAnyCase() {
      Filters filters = Filters.none().subjectContains("invoice");
      assertThat(passes(filters, Mail.from("x@fabrikam.com").subject("Your INVOICE 42"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").subject("Re: Invoices"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").subject("Your order"))).isFalse();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").subject(null))).isFalse();
    }

    @Test
    void casesAreFoldedLetterByLetterTheSameInEveryLocale() {
      Mail greek = Mail.from("x@fabrikam.com").subject("ΟΔΟΣ ΑΘΗΝΑΣ");
      assertThat(passes(Filters.none().subjectContains("οδοσ"), greek)).as("σ and a word-final Σ").isTrue();
      assertThat(passes(Filters.none().subjectContains("οδος"), greek)).as("ς and a word-final Σ").isTrue();
      assertThat(passes(Filters.none().subjectContains("οδοσ α"), Mail.from("x@fabrikam.com").subject("Οδος Αθηνας")))
          .isTrue();
      assertThat(passes(Filters.none().subjectContains("istanbul"), Mail.from("x@fabrikam.com").subject("İSTANBUL")))
          .as("whatever the machine's locale").isTrue();
      assertThat(passes(Filters.none().subjectContains("\u212Aelvin"), Mail.from("x@fabrikam.com").subject("kelvin")))
          .as("the Kelvin sign").isTrue();
    }
  }

  @Nested
  class ImportanceFilter {
    @Test
    void anyOfTheChosenImportancesWill() {
      Filters filters = Filters.none().importance(Importance.HIGH, Importance.LOW);
      assertThat(passes(filters, Mail.from("x@fabrikam.com").importance("high"))).isTrue();
      assertThat(passes(filters, Mail.from("x@fabrikam.com").importance("Low"))).isTrue();
      assertThat(refusal(filters, Mail.from("x@fabrikam.com").importance("normal"))).contains("importance");
    }

    @Test
    void aMailWithoutImportanceIsOfNormalImportance() {
      assertThat(passes(Filters.none().importance(Importance.NORMAL), Mail.from("x@fabrikam.com").importance(null)))
          .isTrue();
    }
  }

  @Nested
  class SeveralFilters {
    private final Filters filters = Filters.none().from("@contoso.com").to("sales@contoso.com")
        .subjectContains("order").importance(Importance.HIGH);
    private final Mail meetsAll = Mail.from("ann@contoso.com").to("sales@contoso.com").subject("New ORDER")
        .importance("high");

    @Test
    void aMailMustMeetEveryOne() {
      assertThat(passes(filters, meetsAll)).isTrue();
      assertThat(passes(filters, meetsAll.subject("Hello"))).isFalse();
      assertThat(passes(filters, meetsAll.importance("normal"))).isFalse();
    }

    @Test
    void theRefusalNamesTheFirstFilterFailedInThePanelsOrder() {
      assertThat(refusal(filters, meetsAll)).isEmpty();
      assertThat(refusal(filters, meetsAll.importance("low"))).contains("importance");
      assertThat(refusal(filters, meetsAll.subject("Hello").importance("low"))).contains("subjectContains");
      assertThat(refusal(filters, Mail.from("ann@fabrikam.com").to("x@fabrikam.com"))).contains("from");
    }
  }
}
