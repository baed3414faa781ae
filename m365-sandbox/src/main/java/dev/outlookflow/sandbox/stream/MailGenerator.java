package dev.outlookflow.sandbox.stream;

import dev.outlookflow.sandbox.mail.Mailbox;
import dev.outlookflow.sandbox.mail.Messages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A stream's mail, message after message, everything drawn in order from one generator seeded with the
 * stream's seed: the same seed and request make the same senders, subjects, importance, sizes and attachment
 * bytes in the same order. Attachment bytes are random, made here, so large mail needs no large request.
 */
final class MailGenerator {
  private static final List<String> FIRST_NAMES = List.of("Avery", "Blake", "Casey", "Dana", "Emery", "Finley",
      "Harper", "Jordan", "Kai", "Logan", "Morgan", "Noel", "Parker", "Quinn", "Riley", "Sage", "Taylor", "Rowan");
  private static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer",
      "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Rossi");
  /** Names under example TLDs and domains (RFC 2606), which reach no one. */
  private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net",
      "northwind.example", "fabrikam.example", "adatum.example");
  private static final List<String> TOPICS = List.of("Invoice", "Quarterly report", "Meeting notes",
      "Order confirmation", "Project update", "Contract draft", "Support ticket", "Shipping notice",
      "Weekly digest", "Action required", "Travel itinerary", "Budget review", "Release plan", "Customer feedback");
  private static final List<String> PREFIXES = List.of("", "", "", "Re: ", "Fwd: ", "RE: ");
  private static final List<String> WORDS = List.of("the", "order", "please", "review", "attached", "team",
      "deadline", "update", "we", "customer", "shipment", "meeting", "thanks", "report", "budget", "draft", "next",
      "week", "invoice", "numbers", "agreed", "project", "schedule", "and", "for", "with", "regards");
  /** One external sender in five is replaced by a mailbox of the tenant, as mail among colleagues. */
  private static final int EVERY_NTH_SENDER_INTERNAL = 5;

  /** Kinds of files attached: a name and a content type (the bytes are random whatever the kind). */
  private record FileKind(String extension, String contentType) {}

  private static final List<FileKind> FILE_KINDS = List.of(new FileKind("pdf", "application/pdf"),
      new FileKind("png", "image/png"), new FileKind("zip", "application/zip"), new FileKind("txt", "text/plain"),
      new FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

  private final StreamSpec spec;
  private final SplittableRandom random;
  private final List<JsonObject> senders;

  MailGenerator(StreamSpec spec, List<Mailbox> tenantMailboxes) {
    this.spec = spec;
    this.random = new SplittableRandom(spec.seed());
    this.senders = senders(spec.senders(), tenantMailboxes);
  }

  /** The next message, to the target's mailbox, as a client would give it to Graph. */
  JsonObject next(StreamSpec.Target target) {
    // Copies: each message owns its addresses, as if parsed from its own headers.
    JsonObject from = pick(senders).copy();
    JsonArray cc = new JsonArray();
    if (random.nextInt(5) == 0) {
      cc.add(pick(senders).copy());
    }
    JsonObject message = new JsonObject()
        .put("subject", pick(PREFIXES) + pick(TOPICS) + " " + (1000 + random.nextInt(99_000)))
        .put("importance", importance())
        .put("from", from)
        .put("toRecipients", new JsonArray().add(Messages.recipient(target.mailbox().address(),
            target.mailbox().displayName())))
        .put("ccRecipients", cc)
        .put("body", new JsonObject().put("contentType", "text").put("content", text(size(spec.bodyBytes()))));
    spec.attachments().filter(a -> random.nextDouble() < a.probability())
        .ifPresent(a -> message.put("attachments", new JsonArray().add(attachment(size(a.bytes())))));
    return message;
  }

  private List<JsonObject> senders(int count, List<Mailbox> tenantMailboxes) {
    List<JsonObject> pool = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < count; i++) {
      if (i % EVERY_NTH_SENDER_INTERNAL == EVERY_NTH_SENDER_INTERNAL - 1 && !tenantMailboxes.isEmpty()) {
        Mailbox colleague = tenantMailboxes.get((i / EVERY_NTH_SENDER_INTERNAL) % tenantMailboxes.size());
        pool.add(Messages.recipient(colleague.address(), colleague.displayName()));
        continue;
      }
      String first = pick(FIRST_NAMES);
      String last = pick(LAST_NAMES);
      String local = (first + "." + last).toLowerCase(Locale.ROOT);
      String domain = pick(DOMAINS);
      String address = local + "@" + domain;
      // Names repeat once there are many senders; a number keeps each address distinct.
      for (int n = 2; !taken.add(address); n++) {
        address = local + n + "@" + domain;
      }
      pool.add(Messages.recipient(address, first + " " + last));
    }
    return pool;
  }

  private String importance() {
    int draw = random.nextInt(100);
    return draw < 10 ? "low" : draw < 85 ? "normal" : "high";
  }

  private JsonObject attachment(int bytes) {
    FileKind kind = pick(FILE_KINDS);
    byte[] content = new byte[bytes];
    random.nextBytes(content);
    return new JsonObject().put("@odata.type", "#microsoft.graph.fileAttachment")
        .put("name", "attachment-" + random.nextInt(100_000) + "." + kind.extension())
        .put("contentType", kind.contentType())
        .put("contentBytes", Base64.getEncoder().encodeToString(content));
  }

  /** Text of exactly {@code length} ASCII characters (bytes), made of words. */
  private String text(int length) {
    StringBuilder text = new StringBuilder(length + 16);
    while (text.length() < length) {
      text.append(pick(WORDS)).append(random.nextInt(12) == 0 ? ". " : " ");
    }
    text.setLength(length);
    return text.toString();
  }

  private int size(StreamSpec.Sizes sizes) {
    return sizes.min() + random.nextInt(sizes.max() - sizes.min() + 1);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
