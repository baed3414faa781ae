package dev.outlookflow.sandbox.stream;

import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a mail stream delivers, checked ({@link StreamSpecReader}): {@code count} messages, {@code perSecond}
 * of them (none: as fast as the sandbox goes), spread round-robin over the targets, their content drawn from
 * {@code seed}.
 */
public record StreamSpec(int count, OptionalInt perSecond, List<Target> targets, long seed, int senders,
    Optional<Attachments> attachments, Sizes bodyBytes, Optional<Received> receivedBetween) {

  /** A folder the stream delivers into. */
  public record Target(Mailbox mailbox, MailFolder folder) {}

  /** Sizes drawn evenly from {@code min} to {@code max}, both included. */
  public record Sizes(int min, int max) {}

  /** Each message has one attachment with this probability, of a size within {@code bytes}. */
  public record Attachments(double probability, Sizes bytes) {}

  /** Received times spread evenly from {@code from} to {@code to}, oldest first, so backfills are in order. */
  public record Received(Instant from, Instant to) {
    Instant of(int index, int count) {
      return count == 1 ? to : from.plus(Duration.between(from, to).multipliedBy(index).dividedBy(count - 1));
    }
  }

  Target target(int index) {
    return targets.get(index % targets.size());
  }
}
