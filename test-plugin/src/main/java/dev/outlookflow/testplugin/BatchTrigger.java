package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.KeyedEvent;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * At every start, emits {@code batches} batches of {@code size} keyed events one after another with
 * {@code emitAll}: batch b holds the keys {@code b-0} to {@code b-(size-1)}, then, if asked, its first key again (a
 * key twice in a batch). After each batch is acknowledged it records the batch's number as {@code acked} in its state.
 * Then it records a failed run for the key {@code poison} twice ({@code emitFailed}), and emits the key
 * {@code start N} (its Nth start) with what the runtime answered: {@code created=C answered=A poison=P/Q ms=T} (runs
 * created, events answered, how many of the two poison emits created a run, and the milliseconds from the first
 * batch emitted to the last acknowledged).
 */
@Extension
public class BatchTrigger implements Trigger<BatchTrigger.Properties, BatchTrigger.Batched> {
  private static final TriggerDescriptor<Properties, Batched> DESCRIPTOR = new TriggerDescriptor<>("batch", "Batch",
      "Emits batches of keyed events at every start", Properties.class, Batched.class);
  static final String ACKED = "acked";
  private static final String STARTS = "starts";

  public record Properties(
      @FormField(label = "Batches", defaultValue = "1", minimum = 1, maximum = 1000) int batches,
      @FormField(label = "Events per batch", defaultValue = "10", minimum = 1, maximum = 499) int size,
      @FormField(label = "Repeat each batch's first key at its end", defaultValue = "false") boolean repeatFirst) {}

  public record Batched(
      @JsonPropertyDescription("The key the run was emitted with") String key,
      @JsonPropertyDescription("On a start's closing run: what the runtime answered") String answers) {}

  @Override
  public TriggerDescriptor<Properties, Batched> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Batched> context, Properties properties) {
    Future<Void> emitted = context.state().get(STARTS)
        .map(starts -> starts.map(Integer::parseInt).orElse(0) + 1)
        .compose(start -> context.state().put(STARTS, String.valueOf(start)).map(start))
        .compose(start -> {
          long began = System.nanoTime();
          return batches(context, properties, 0, new int[2]).map(counts -> new long[] {counts[0], counts[1],
              (System.nanoTime() - began) / 1_000_000}).map(counts -> Map.entry(start, counts));
        })
        .compose(started -> {
          int start = started.getKey();
          long[] counts = started.getValue();
          Future<Emitted> first = context.emitFailed(new Batched("poison", null), "poison", null,
              "the event could not be read");
          Future<Emitted> second = first.compose(v -> context.emitFailed(new Batched("poison", null), "poison", null,
              "the event could not be read"));
          return second.compose(v -> context.emit(new Batched("start " + start, "created=" + counts[0] + " answered="
              + counts[1] + " poison=" + (first.result().created() ? 1 : 0) + "/" + (v.created() ? 1 : 0) + " ms="
              + counts[2]), "start " + start));
        })
        .onFailure(e -> context.log().error("batch emits failed", e))
        .mapEmpty();
    return Future.succeededFuture(reason -> emitted.otherwiseEmpty());
  }

  /** Emits the batches from {@code batch} on, one at a time, counting the runs created and the events answered. */
  private static Future<int[]> batches(TriggerContext<Batched> context, Properties properties, int batch,
      int[] counts) {
    if (batch == properties.batches()) {
      return Future.succeededFuture(counts);
    }
    List<KeyedEvent<Batched>> events = new ArrayList<>();
    for (int i = 0; i < properties.size(); i++) {
      events.add(new KeyedEvent<>(new Batched(batch + "-" + i, null), batch + "-" + i, null));
    }
    if (properties.repeatFirst()) {
      events.add(events.get(0));
    }
    return context.emitAll(events).compose(answers -> {
      counts[0] += (int) answers.stream().filter(Emitted::created).count();
      counts[1] += answers.size();
      return context.state().put(ACKED, String.valueOf(batch));
    }).compose(v -> batches(context, properties, batch + 1, counts));
  }

  @Override
  public Future<Void> delete(TriggerContext<Batched> context, Properties properties) {
    return context.state().remove(STARTS).compose(v -> context.state().remove(ACKED));
  }
}
