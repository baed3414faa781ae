package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * Emits {@code {"n": 1}}, {@code {"n": 2}}, ... up to a limit, one per interval. The next number is
 * kept in trigger state and moved only after the run is stored, so a restart neither repeats nor
 * skips a number.
 */
@Extension
public class CounterTrigger implements Trigger<CounterTrigger.Properties, CounterTrigger.Count> {
  private static final TriggerDescriptor<Properties, Count> DESCRIPTOR = new TriggerDescriptor<>("counter", "Counter",
      "Starts a run per tick, numbered, up to a limit", Properties.class, Count.class);
  static final String NEXT = "next";

  public record Properties(
      @FormField(label = "Interval (ms)", defaultValue = "20", minimum = 1) int intervalMillis,
      @FormField(label = "Limit", required = true, minimum = 1) int limit) {}

  public record Count(@JsonPropertyDescription("The tick's number, from 1") int n) {}

  @Override
  public TriggerDescriptor<Properties, Count> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Count> context, Properties properties) {
    Ticker ticker = new Ticker(context, properties.limit(), Duration.ofMillis(properties.intervalMillis()));
    ticker.schedule();
    return Future.succeededFuture(ticker);
  }

  /** The ticking of one flow; stopping waits for a tick in flight to store its number. */
  private static final class Ticker implements TriggerHandle {
    private final TriggerContext<Count> context;
    private final int limit;
    private final Duration interval;
    private Future<Void> inFlight = Future.succeededFuture();
    private boolean stopped;

    Ticker(TriggerContext<Count> context, int limit, Duration interval) {
      this.context = context;
      this.limit = limit;
      this.interval = interval;
    }

    void schedule() {
      context.timers().once(interval, this::tick);
    }

    private void tick() {
      if (stopped) {
        return;
      }
      inFlight = context.state().get(NEXT)
          .map(next -> next.map(Integer::parseInt).orElse(1))
          .compose(n -> n > limit
              ? Future.succeededFuture(false)
              : context.emit(new Count(n))
                  .compose(runId -> context.state().put(NEXT, String.valueOf(n + 1)))
                  .map(true))
          .onSuccess(more -> {
            if (more && !stopped) {
              schedule();
            }
          })
          .onFailure(e -> context.log().error("counter tick failed", e))
          .mapEmpty();
    }

    @Override
    public Future<Void> stop(StopReason reason) {
      stopped = true;
      return inFlight.otherwiseEmpty();
    }
  }

  @Override
  public Future<Void> delete(TriggerContext<Count> context, Properties properties) {
    return context.state().remove(NEXT);
  }
}
