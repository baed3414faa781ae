package dev.outlookflow.sandbox.delta;

import dev.outlookflow.sandbox.mail.StoredMessage;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A skip token (more pages of this round) or a delta token (the round is complete; the next one starts
 * after {@code after}), opaque to clients as Graph's are: base64url JSON naming the mailbox's journal
 * generation, the folder, the query it belongs to (the serial of its first token), the first request's options,
 * when it was issued and its serial (so the control API can expire tokens issued before a moment).
 */
public record DeltaToken(String generation, String mailbox, String folder, long query, long serial,
    long issuedAtMillis, DeltaOptions options, long after, Optional<Round> round) {
  /** Past this length a token is not one the sandbox issued. */
  static final int MAX_LENGTH = 4_096;

  /**
   * A round under way: the changes after {@code after} up to {@code upTo}. The first round of a query lists
   * the folder instead, newest first, after {@code scannedTo}; later rounds read the journal after
   * {@code readTo}. {@code returned} counts what the round answered so far (the 5,000 cap of filtered queries).
   */
  public record Round(long upTo, boolean initial, Optional<StoredMessage.Position> scannedTo, long readTo,
      int returned) {}

  public String encode() {
    JsonObject json = new JsonObject().put("g", generation).put("m", mailbox).put("f", folder).put("q", query)
        .put("s", serial)
        .put("i", issuedAtMillis).put("o", options.query()).put("a", after);
    round.ifPresent(r -> {
      JsonObject encoded = new JsonObject().put("u", r.upTo()).put("n", r.initial()).put("r", r.readTo())
          .put("c", r.returned());
      r.scannedTo().ifPresent(p -> encoded.put("t", p.received().toString()).put("id", p.immutableId()));
      json.put("r", encoded);
    });
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toBuffer().getBytes());
  }

  /** A token as a client sent it back; refused with Graph's 400 when it is not one the sandbox issued. */
  public static DeltaToken decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw malformed();
    }
    try {
      JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      JsonObject round = json.getJsonObject("r");
      return new DeltaToken(required(json.getString("g")), required(json.getString("m")),
          required(json.getString("f")), json.getLong("q"), json.getLong("s"), json.getLong("i"),
          options(json.getString("o")),
          json.getLong("a"), Optional.ofNullable(round).map(DeltaToken::round));
    } catch (DeltaRefusal e) {
      throw e;
    } catch (RuntimeException e) {
      throw malformed();
    }
  }

  private static Round round(JsonObject json) {
    Optional<StoredMessage.Position> scanned = json.containsKey("t")
        ? Optional.of(new StoredMessage.Position(Instant.parse(json.getString("t")), required(json.getString("id"))))
        : Optional.empty();
    return new Round(json.getLong("u"), json.getBoolean("n"), scanned, json.getLong("r"), json.getInteger("c"));
  }

  /** The options go through the same checks as a first request's. */
  private static DeltaOptions options(String query) {
    MultiMap parameters = MultiMap.caseInsensitiveMultiMap();
    new QueryStringDecoder("?" + required(query)).parameters().forEach(parameters::add);
    return DeltaOptions.parse(parameters);
  }

  private static <T> T required(T value) {
    if (value == null) {
      throw malformed();
    }
    return value;
  }

  private static DeltaRefusal malformed() {
    return DeltaRefusal.badRequest("BadRequest", "The delta or skip token is not one this service issued;"
        + " start again with the initial delta query.");
  }
}
