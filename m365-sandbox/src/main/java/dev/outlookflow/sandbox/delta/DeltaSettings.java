package dev.outlookflow.sandbox.delta;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a mailbox's delta tokens expire and which of Graph's hazards its delta rounds show, as the control
 * API set them ({@code PUT /_sandbox/mailboxes/{m}/delta}).
 */
public record DeltaSettings(Expiry expiry, Optional<Duration> tokenMaxAge, Hazards hazards) {
  static final DeltaSettings DEFAULT = new DeltaSettings(Expiry.GONE, Optional.empty(), Hazards.NONE);
  private static final long MAX_LAG_MILLIS = Duration.ofHours(1).toMillis();

  /** What a client gets for an expired or invalidated token. */
  public enum Expiry {
    /** {@code 410 Gone} with {@code Location}: the initial query. */
    GONE("gone"),
    /** {@code 400} with code {@code syncStateNotFound}. */
    SYNC_STATE_NOT_FOUND("syncStateNotFound"),
    /** {@code 400} with code {@code resyncRequired}. */
    RESYNC_REQUIRED("resyncRequired");

    private final String label;

    Expiry(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Expiry of(String label) {
      return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst().orElseThrow(() ->
          new Invalid("expiry", "must be gone, syncStateNotFound or resyncRequired"));
    }
  }

  /** The next {@code times} candidates, or each with {@code probability} drawn from the mailbox's seeded random. */
  public record Occurrence(int times, double probability) {
    static final Occurrence NEVER = new Occurrence(0, 0);

    boolean active() {
      return times > 0 || probability > 0;
    }

    JsonObject toJson() {
      return times > 0 ? new JsonObject().put("times", times) : new JsonObject().put("probability", probability);
    }
  }

  /**
   * Graph's documented delta hazards: an item replayed in a later page or round, replication lag (a change
   * shows only {@code lagMillis} of wall-clock time after it happened), a round's order differing from
   * arrival order, and a delivered mail left out of delta altogether (the known issue with immutable ids).
   */
  public record Hazards(long seed, Occurrence replay, long lagMillis, boolean reorder, Occurrence omit) {
    static final Hazards NONE = new Hazards(0, Occurrence.NEVER, 0, false, Occurrence.NEVER);
  }

  /** A setting refused: the field and what is wrong with it. */
  public static final class Invalid extends RuntimeException {
    private final String field;

    Invalid(String field, String problem) {
      super(problem, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private static final Set<String> FIELDS = Set.of("expiry", "tokenMaxAgeSeconds", "hazards");
  private static final Set<String> HAZARDS = Set.of("seed", "replay", "lagMillis", "reorder", "omit");
  private static final Set<String> OCCURRENCE = Set.of("times", "probability");

  /** Reads the control API's body; {@link Invalid} names the field that is wrong, unknown ones too. */
  static DeltaSettings parse(JsonObject body) {
    known(body, FIELDS, "");
    Expiry expiry = body.containsKey("expiry") ? Expiry.of(String.valueOf(body.getValue("expiry"))) : Expiry.GONE;
    Optional<Duration> maxAge = Optional.empty();
    if (body.getValue("tokenMaxAgeSeconds") != null) {
      long seconds = number(body, "tokenMaxAgeSeconds");
      if (seconds < 1) {
        throw new Invalid("tokenMaxAgeSeconds", "must be at least 1");
      }
      maxAge = Optional.of(Duration.ofSeconds(seconds));
    }
    JsonObject hazards = object(body, "hazards", "hazards");
    if (hazards == null) {
      return new DeltaSettings(expiry, maxAge, Hazards.NONE);
    }
    known(hazards, HAZARDS, "hazards.");
    long lag = hazards.containsKey("lagMillis") ? number(hazards, "hazards.lagMillis") : 0;
    if (lag < 0 || lag > MAX_LAG_MILLIS) {
      throw new Invalid("hazards.lagMillis", "must be between 0 and " + MAX_LAG_MILLIS);
    }
    Object reorder = hazards.getValue("reorder", false);
    if (!(reorder instanceof Boolean)) {
      throw new Invalid("hazards.reorder", "must be true or false");
    }
    long seed = hazards.containsKey("seed") ? number(hazards, "hazards.seed") : 0;
    return new DeltaSettings(expiry, maxAge, new Hazards(seed, occurrence(hazards, "replay"), lag, (Boolean) reorder,
        occurrence(hazards, "omit")));
  }

  private static Occurrence occurrence(JsonObject hazards, String name) {
    String field = "hazards." + name;
    JsonObject spec = object(hazards, name, field);
    if (spec == null) {
      return Occurrence.NEVER;
    }
    known(spec, OCCURRENCE, field + ".");
    if (spec.getValue("times") != null) {
      long times = number(spec, field + ".times");
      if (times < 0 || times > 100_000) {
        throw new Invalid(field + ".times", "must be between 0 and 100000");
      }
      return new Occurrence((int) times, 0);
    }
    Object probability = spec.getValue("probability");
    if (!(probability instanceof Number p) || p.doubleValue() < 0 || p.doubleValue() > 1) {
      throw new Invalid(field, "needs times (the next N) or probability (0 to 1, drawn from seed)");
    }
    return new Occurrence(0, p.doubleValue());
  }

  private static void known(JsonObject json, Set<String> fields, String prefix) {
    json.fieldNames().stream().filter(f -> !fields.contains(f)).findFirst().ifPresent(unknown -> {
      throw new Invalid(prefix + unknown, "is not a setting; known: " + String.join(", ", new TreeSet<>(fields)));
    });
  }

  private static JsonObject object(JsonObject json, String name, String field) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw new Invalid(field, "must be an object");
    }
    return (JsonObject) value;
  }

  /** A whole number from {@code json}'s last name in {@code field} ({@code hazards.lagMillis}: lagMillis). */
  private static long number(JsonObject json, String field) {
    Object value = json.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new Invalid(field, "must be a whole number");
    }
    return n.longValue();
  }

  JsonObject toJson() {
    return new JsonObject().put("expiry", expiry.label())
        .put("tokenMaxAgeSeconds", tokenMaxAge.map(Duration::toSeconds).orElse(null))
        .put("hazards", new JsonObject().put("seed", hazards.seed()).put("replay", hazards.replay().toJson())
            .put("lagMillis", hazards.lagMillis()).put("reorder", hazards.reorder()).put("omit", hazards.omit().toJson()));
  }
}
