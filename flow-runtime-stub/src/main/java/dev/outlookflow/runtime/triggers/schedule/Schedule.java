package dev.outlookflow.runtime.triggers.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** When a schedule's ticks fall: every N seconds from an anchor, or by a five-field cron expression. */
public sealed interface Schedule permits Schedule.Every, Schedule.Cron {

  /** The first tick strictly after {@code after}, if the schedule has one. */
  Optional<Instant> next(Instant after);

  /** The tick that is due at {@code now}: the latest tick in (last, now], with how many ticks that spans. */
  default Optional<Due> due(Instant last, Instant now) {
    Optional<Instant> first = next(last);
    if (first.isEmpty() || first.get().isAfter(now)) {
      return Optional.empty();
    }
    Instant latest = first.get();
    int ticks = 1;
    for (Optional<Instant> following = next(latest); following.isPresent() && !following.get().isAfter(now);
        following = next(latest)) {
      latest = following.get();
      ticks++;
    }
    return Optional.of(new Due(latest, ticks));
  }

  /** The tick to fire, and how many ticks fell since the last one fired (more than 1: some were missed). */
  record Due(Instant scheduledFor, int ticks) {}

  record Every(Instant anchor, Duration period) implements Schedule {
    @Override
    public Optional<Instant> next(Instant after) {
      if (after.isBefore(anchor)) {
        return Optional.of(anchor);
      }
      long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
      return Optional.of(anchor.plusMillis(periods * period.toMillis()));
    }

    /** Arithmetic instead of stepping, so a long outage does not mean millions of steps. */
    @Override
    public Optional<Due> due(Instant last, Instant now) {
      Instant first = next(last).orElseThrow();
      if (first.isAfter(now)) {
        return Optional.empty();
      }
      long span = Duration.between(first, now).toMillis() / period.toMillis();
      return Optional.of(new Due(first.plusMillis(span * period.toMillis()), (int) Math.min(span + 1, Integer.MAX_VALUE)));
    }
  }

  record Cron(String expression, ZoneId zone, ExecutionTime times) implements Schedule {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Throws {@link IllegalArgumentException} with the parser's reason for a bad expression. */
    public static Cron parse(String expression, ZoneId zone) {
      return new Cron(expression, zone, ExecutionTime.forCron(PARSER.parse(expression).validate()));
    }

    @Override
    public Optional<Instant> next(Instant after) {
      return times.nextExecution(after.atZone(zone)).map(t -> t.toInstant());
    }
  }
}
