package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.ActionDescriptor;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.Extension;

/**
 * Holds its step for a few milliseconds and answers how many of its steps were in flight at once, at most, so far
 * in this runtime: what tests of how many runs execute at once read.
 */
@Extension
public class OverlapAction implements Action<OverlapAction.Properties, OverlapAction.Overlap> {
  private static final ActionDescriptor<Properties, Overlap> DESCRIPTOR = ActionDescriptor.of("overlap", "Overlap",
      "Answers how many of its steps were in flight at once", Properties.class, Overlap.class);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  public record Properties(@FormField(label = "Hold (ms)", defaultValue = "5", minimum = 1, maximum = 1000) int holdMs) {}

  public record Overlap(@JsonPropertyDescription("The most of its steps in flight at once so far") int peak) {}

  @Override
  public ActionDescriptor<Properties, Overlap> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<Overlap> execute(ActionContext context, Properties properties) {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    Promise<Overlap> held = Promise.promise();
    context.environment().vertx().setTimer(properties.holdMs(), t -> {
      inFlight.decrementAndGet();
      held.complete(new Overlap(peak.get()));
    });
    return held.future();
  }
}
