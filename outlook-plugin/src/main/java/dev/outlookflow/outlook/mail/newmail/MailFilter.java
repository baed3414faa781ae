package dev.outlookflow.outlook.mail.newmail;

import dev.outlookflow.outlook.mail.Importance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which new mail starts a flow's runs: the filters of its panel. A mail passes when it meets every filter that is
 * set; a filter that is empty filters nothing; a filter of several values is met by any one of them. Built once
 * per start from the flow's properties; a filter more is one more {@link Condition} in {@link #of}.
 */
final class MailFilter {
  /** One filter that is set: the property it comes from (what the counts name) and what a mail must meet. */
  private record Condition(String property, Predicate<NewMail> test) {}

  private final List<Condition> conditions;

  private MailFilter(List<Condition> conditions) {
    this.conditions = conditions;
  }

  static MailFilter of(NewMailProperties properties) {
    List<Condition> conditions = new ArrayList<>();
    addresses(conditions, "from", properties.from(), mail -> Stream.ofNullable(mail.from()));
    addresses(conditions, "to", properties.to(), mail -> listed(mail.to()));
    addresses(conditions, "cc", properties.cc(), mail -> listed(mail.cc()));
    addresses(conditions, "toOrCc", properties.toOrCc(), mail -> Stream.concat(listed(mail.to()), listed(mail.cc())));
    String subject = properties.subjectContains();
    if (subject != null && !subject.isEmpty()) {
      String wanted = CaseFold.of(subject);
      conditions.add(new Condition("subjectContains",
          mail -> mail.subject() != null && CaseFold.of(mail.subject()).contains(wanted)));
    }
    List<Importance> importance = properties.importance();
    if (importance != null && !importance.isEmpty()) {
      List<String> wanted = importance.stream().map(Importance::graphName).toList();
      conditions.add(new Condition("importance", mail -> wanted.contains(importanceOf(mail))));
    }
    return new MailFilter(List.copyOf(conditions));
  }

  /** The property of the first filter {@code mail} fails, in the panel's order; empty when it passes them all. */
  Optional<String> refusal(NewMail mail) {
    return conditions.stream().filter(condition -> !condition.test().test(mail)).map(Condition::property)
        .findFirst();
  }

  private static void addresses(List<Condition> conditions, String property, List<String> values,
      Function<NewMail, Stream<NewMail.Recipient>> recipients) {
    if (values == null || values.isEmpty()) {
      return;
    }
    AddressPatterns patterns = AddressPatterns.of(values);
    conditions.add(new Condition(property, mail -> patterns.matchAny(recipients.apply(mail)
        .filter(recipient -> recipient != null && recipient.emailAddress() != null)
        .map(recipient -> recipient.emailAddress().address()).toList())));
  }

  private static Stream<NewMail.Recipient> listed(List<NewMail.Recipient> recipients) {
    return recipients == null ? Stream.empty() : recipients.stream();
  }

  /** Graph always answers a mail's importance; were it missing, the mail would be of normal importance. */
  private static String importanceOf(NewMail mail) {
    return mail.importance() == null ? "normal" : mail.importance().toLowerCase(Locale.ROOT);
  }
}
