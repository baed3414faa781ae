package dev.outlookflow.sandbox.stream;

import dev.outlookflow.sandbox.mail.MailFolder;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.mail.Mailbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads {@code POST /_sandbox/streams} into a {@link StreamSpec}, refusing the first field that is wrong
 * (unknown fields too, so a misspelt one is not silently ignored).
 */
public final class StreamSpecReader {
  static final int MAX_COUNT = 200_000;
  static final int MAX_PER_SECOND = 10_000;
  static final int MAX_TARGETS = 100;
  static final int MAX_SENDERS = 10_000;
  static final int DEFAULT_SENDERS = 20;
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final StreamSpec.Sizes DEFAULT_BODY_BYTES = new StreamSpec.Sizes(100, 1_000);
  static final int MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
  /** What a stream may generate of attachments, and of bodies, each: the mail stays in memory. */
  static final long MAX_GENERATED_BYTES = 1L << 30;
  /** Received times are four-digit years, as Graph writes them, which also keeps their arithmetic exact. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final MailStore mail;

  public StreamSpecReader(MailStore mail) {
    this.mail = mail;
  }

  public StreamSpec read(JsonObject body) {
    only(body, "", Set.of("count", "perSecond", "targets", "seed", "senders", "attachments", "bodyBytes",
        "receivedBetween"));
    int count = (int) whole(body, "count", 1, MAX_COUNT);
    OptionalInt perSecond = body.getValue("perSecond") == null ? OptionalInt.empty()
        : OptionalInt.of((int) whole(body, "perSecond", 1, MAX_PER_SECOND));
    List<StreamSpec.Target> targets = targets(body);
    long seed = body.getValue("seed") == null ? 0 : whole(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    int senders = body.getValue("senders") == null ? DEFAULT_SENDERS : (int) whole(body, "senders", 1, MAX_SENDERS);
    Optional<StreamSpec.Attachments> attachments = Optional.ofNullable(object(body, "attachments"))
        .map(this::attachments);
    StreamSpec.Sizes bodyBytes = Optional.ofNullable(object(body, "bodyBytes")).map(this::bodyBytes)
        .orElse(DEFAULT_BODY_BYTES);
    Optional<StreamSpec.Received> received = Optional.ofNullable(object(body, "receivedBetween")).map(this::received);
    attachments.ifPresent(a -> {
      long generated = (long) Math.ceil(count * (double) a.bytes().max() * a.probability());
      if (generated > MAX_GENERATED_BYTES) {
        throw new InvalidField("attachments", "count * maxBytes * probability is " + generated
            + " bytes; at most " + MAX_GENERATED_BYTES + " (1 GiB) are generated");
      }
    });
    if ((long) count * bodyBytes.max() > MAX_GENERATED_BYTES) {
      throw new InvalidField("bodyBytes", "count * max is " + (long) count * bodyBytes.max() + " bytes; at most "
          + MAX_GENERATED_BYTES + " (1 GiB) are generated");
    }
    return new StreamSpec(count, perSecond, targets, seed, senders, attachments, bodyBytes, received);
  }

  private List<StreamSpec.Target> targets(JsonObject body) {
    if (!(body.getValue("targets") instanceof JsonArray given) || given.isEmpty() || given.size() > MAX_TARGETS) {
      throw new InvalidField("targets", "required, 1 to " + MAX_TARGETS + " of {\"mailbox\", \"folder\"}");
    }
    List<StreamSpec.Target> targets = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "targets[" + i + "].";
      if (!(given.getValue(i) instanceof JsonObject target)) {
        throw new InvalidField("targets[" + i + "]", "must be {\"mailbox\", \"folder\"}");
      }
      only(target, at, Set.of("mailbox", "folder"));
      String mailboxName = text(target, at, "mailbox", null);
      Mailbox mailbox = mail.mailbox(mailboxName)
          .orElseThrow(() -> new InvalidField(at + "mailbox", "no mailbox '" + mailboxName + "'"));
      String folderName = text(target, at, "folder", "inbox");
      MailFolder folder = mailbox.folder(folderName).orElseThrow(() -> new InvalidField(at + "folder",
          "no folder '" + folderName + "' in mailbox " + mailbox.address()));
      targets.add(new StreamSpec.Target(mailbox, folder));
    }
    return targets;
  }

  private StreamSpec.Attachments attachments(JsonObject given) {
    only(given, "attachments.", Set.of("probability", "minBytes", "maxBytes"));
    if (!(given.getValue("probability") instanceof Number probability) || probability.doubleValue() < 0
        || probability.doubleValue() > 1) {
      throw new InvalidField("attachments.probability", "required, a number from 0 to 1");
    }
    return new StreamSpec.Attachments(probability.doubleValue(),
        sizes(given, "attachments.", "minBytes", "maxBytes", MAX_ATTACHMENT_BYTES));
  }

  private StreamSpec.Sizes bodyBytes(JsonObject given) {
    only(given, "bodyBytes.", Set.of("min", "max"));
    return sizes(given, "bodyBytes.", "min", "max", MAX_BODY_BYTES);
  }

  private static StreamSpec.Sizes sizes(JsonObject given, String at, String minName, String maxName, int most) {
    int max = (int) whole(given, at, maxName, 0, most);
    int min = (int) whole(given, at, minName, 0, max);
    return new StreamSpec.Sizes(min, max);
  }

  private StreamSpec.Received received(JsonObject given) {
    only(given, "receivedBetween.", Set.of("from", "to"));
    Instant from = instant(given, "from");
    Instant to = instant(given, "to");
    if (to.isBefore(from)) {
      throw new InvalidField("receivedBetween.to", "must not be before from");
    }
    return new StreamSpec.Received(from, to);
  }

  private static Instant instant(JsonObject given, String name) {
    String field = "receivedBetween." + name;
    try {
      Instant instant = Instant.parse(text(given, "receivedBetween.", name, null));
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw new InvalidField(field, "must be within the years 0001 to 9999");
      }
      return instant;
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be an ISO-8601 instant, such as 2024-06-05T01:41:32.400Z");
    }
  }

  private static void only(JsonObject given, String at, Set<String> known) {
    for (String name : given.fieldNames()) {
      if (!known.contains(name)) {
        throw new InvalidField(at + name, "unknown field; known are " + known.stream().sorted().toList());
      }
    }
  }

  private static JsonObject object(JsonObject given, String name) {
    Object value = given.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw new InvalidField(name, "must be an object");
    }
    return (JsonObject) value;
  }

  private static String text(JsonObject given, String at, String name, String fallback) {
    Object value = given.getValue(name);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidField(at + name, "required, a string");
    }
    return text;
  }

  private static long whole(JsonObject given, String name, long min, long max) {
    return whole(given, "", name, min, max);
  }

  private static long whole(JsonObject given, String at, String name, long min, long max) {
    Object value = given.getValue(name);
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
        && ((Number) value).longValue() <= max) {
      return ((Number) value).longValue();
    }
    throw new InvalidField(at + name, (value == null ? "required, " : "must be ") + "a whole number"
        + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max));
  }
}
