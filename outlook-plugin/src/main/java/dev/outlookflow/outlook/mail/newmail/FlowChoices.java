package dev.outlookflow.outlook.mail.newmail;

import java.time.Duration;

/**
 * What a flow asked of the trigger in its panel, as the watcher uses it: how often to check, the days it
 * backfills (0: none), its filters and what it wants of attachments.
 */
record FlowChoices(Duration interval, int backfillDays, MailFilter filter, AttachmentNeeds attachments) {

  static FlowChoices of(NewMailProperties properties, Duration interval) {
    return new FlowChoices(interval, properties.daysBefore(), MailFilter.of(properties),
        AttachmentNeeds.of(properties));
  }

  FlowChoices withoutBackfill() {
    return new FlowChoices(interval, 0, filter, attachments);
  }
}
