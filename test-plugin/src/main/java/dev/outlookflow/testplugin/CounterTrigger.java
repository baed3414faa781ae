package dev.outlookflow.testplugin;

import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * Emits {@code {"n": 1}}, {@code {"n": 2}}, ... up to a limit, one per interval. The next number is
 * kept in trigger state and moved only after the run is stored, so a restart neither repeats nor
 * skips a number.
 */
@Extension
public class CounterTrigger implements Trigger {
  private static final Form FORM = Form.of(Properties.class);
  static final String NEXT = "next";

  public record Properties(
      @FormField(label = "Interval (ms)", defaultValue = "20", minimum = 1) int intervalMillis,
      @FormField(label = "Limit", required = true, minimum = 1) int limit) {}

  @Override
  public String id() {
    return "counter";
  }

  @Override
  public String name() {
    return "Counter";
  }

  @Override
  public String description() {
    return "Starts a run per tick, numbered, up to a limit";
  }

  @Override
  public Form form() {
    return FORM;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext context, JsonObject properties) {
    Ticker ticker = new Ticker(context, properties.getInteger("limit"),
        Duration.ofMillis(properties.getInteger("intervalMillis")));
    ticker.schedule();
    return Future.succeededFuture(ticker);
  }

  /** The ticking of one flow; stopping waits for a tick in flight to store its number. */
  private static final class Ticker implements TriggerHandle {
    private final TriggerContext context;
    private final int limit;
    private final Duration interval;
    private Future<Void> inFlight = Future.succeededFuture();
    private boolean stopped;

    Ticker(TriggerContext context, int limit, Duration interval) {
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
              : context.emit(new JsonObject().put("n", n))
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
    public Future<Void> stop() {
      stopped = true;
      return inFlight.otherwiseEmpty();
    }
  }

  @Override
  public Future<Void> delete(TriggerContext context, JsonObject properties) {
    return context.state().remove(NEXT);
  }
}
