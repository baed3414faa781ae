package dev.outlookflow.runtime.triggers.schedule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.ChoiceLabel;
import dev.outlookflow.uischema.form.FormField;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Built-in trigger {@code schedule}: every N seconds, or by a cron expression. The last fired tick
 * is kept in trigger state and moved only after its run is stored, so a restart misses no tick; ticks
 * missed while the runtime was down fire once, as the latest of them, with {@code missedTicks}. A flow
 * disabled or edited forgets that state itself (the runtime keeps it for such stops): enabled again, or
 * saved, it starts from a new anchor and fires none of the ticks it was not listening for.
 */
public final class ScheduleTrigger implements Trigger<ScheduleTrigger.Properties, ScheduleTrigger.Tick> {
  static final String LAST = "last";
  static final String ANCHOR = "anchor";
  /** How often the clock is compared with the next tick: the precision of firing. */
  static final Duration CHECK_EVERY = Duration.ofMillis(250);
  private static final TriggerDescriptor<Properties, Tick> DESCRIPTOR = new TriggerDescriptor<>("schedule", "Schedule",
      "Runs the flow every N seconds or by a cron expression; a tick missed while the runtime was down fires once",
      Properties.class, Tick.class);

  public enum Mode {
    @ChoiceLabel("Every N seconds")
    INTERVAL,
    @ChoiceLabel("Cron expression")
    CRON
  }

  public record Properties(
      @FormField(label = "Repeat", required = true, defaultValue = "interval") Mode mode,
      @FormField(label = "Every (seconds)", required = true, minimum = 1, maximum = 31_536_000,
          visibleWhen = "mode=interval")
          Long everySeconds,
      @FormField(label = "Cron expression", required = true, visibleWhen = "mode=cron", placeholder = "0 9 * * MON-FRI",
          help = "Five fields: minute hour day-of-month month day-of-week")
          String cron,
      @FormField(label = "Time zone", defaultValue = "UTC", visibleWhen = "mode=cron",
          help = "An IANA time zone, e.g. Europe/Berlin")
          String timeZone) {}

  /** The event of one tick: what {@code {{trigger}}} holds. */
  public record Tick(
      @JsonPropertyDescription("The tick this run is for, e.g. 2026-11-29T09:00:00Z") String scheduledFor,
      @JsonPropertyDescription("When the runtime fired it; later than scheduledFor after a restart") String firedAt,
      @JsonPropertyDescription("Ticks missed while the runtime was down, fired as this one") long missedTicks) {}

  @Override
  public TriggerDescriptor<Properties, Tick> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(Properties properties) {
    if (properties.mode() != Mode.CRON) {
      return List.of();
    }
    try {
      zone(properties);
    } catch (DateTimeException e) {
      return List.of(new FieldError("timeZone", "unknown time zone '" + properties.timeZone()
          + "'; use an IANA name such as UTC or Europe/Berlin"));
    }
    try {
      Schedule.Cron.parse(properties.cron(), ZoneId.of("UTC"));
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new FieldError("cron", "not a valid cron expression: " + e.getMessage()));
    }
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Tick> context, Properties properties) {
    Instant now = context.environment().clock().instant();
    return context.state().get(ANCHOR)
        .compose(anchor -> anchor.isPresent()
            ? Future.succeededFuture(Instant.ofEpochMilli(Long.parseLong(anchor.get())))
            : context.state().put(ANCHOR, String.valueOf(now.toEpochMilli())).map(now))
        .compose(anchor -> context.state().get(LAST).map(last -> {
          Ticker ticker = new Ticker(context, schedule(properties, anchor),
              last.map(l -> Instant.ofEpochMilli(Long.parseLong(l))).orElse(anchor));
          context.timers().every(CHECK_EVERY, ticker::check);
          ticker.check();
          return ticker;
        }));
  }

  @Override
  public Future<Void> delete(TriggerContext<Tick> context, Properties properties) {
    return forget(context);
  }

  private static Future<Void> forget(TriggerContext<Tick> context) {
    return context.state().remove(LAST).compose(v -> context.state().remove(ANCHOR));
  }

  private static Schedule schedule(Properties properties, Instant anchor) {
    if (properties.mode() == Mode.CRON) {
      return Schedule.Cron.parse(properties.cron(), zone(properties));
    }
    return new Schedule.Every(anchor, Duration.ofSeconds(properties.everySeconds()));
  }

  private static ZoneId zone(Properties properties) {
    return ZoneId.of(properties.timeZone());
  }

  /** Fires due ticks one at a time; stopping waits for a tick in flight to store its time. */
  private static final class Ticker implements TriggerHandle {
    private final TriggerContext<Tick> context;
    private final Schedule schedule;
    private Instant last;
    private Future<Void> inFlight = Future.succeededFuture();
    private boolean stopped;

    Ticker(TriggerContext<Tick> context, Schedule schedule, Instant last) {
      this.context = context;
      this.schedule = schedule;
      this.last = last;
    }

    void check() {
      if (stopped || !inFlight.isComplete()) {
        return;
      }
      Instant now = context.environment().clock().instant();
      schedule.due(last, now).ifPresent(due -> inFlight = context
          .emit(new Tick(due.scheduledFor().toString(), now.toString(), due.ticks() - 1))
          .compose(runId -> context.state().put(LAST, String.valueOf(due.scheduledFor().toEpochMilli())))
          .onSuccess(v -> last = due.scheduledFor())
          .onFailure(e -> context.log().error("the tick of " + due.scheduledFor() + " could not start a run", e)));
    }

    @Override
    public Future<Void> stop(StopReason reason) {
      stopped = true;
      Future<Void> settled = inFlight.otherwiseEmpty();
      return reason == StopReason.DISABLED || reason == StopReason.EDITED ? settled.compose(v -> forget(context))
          : settled;
    }
  }
}
