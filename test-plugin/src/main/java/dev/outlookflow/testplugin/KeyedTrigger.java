package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * At every start, emits each of its keys several times at once, then the key {@code start N} (its Nth
 * start): the runtime must start one run per key, however often and however concurrently it is emitted,
 * across restarts and kills.
 */
@Extension
public class KeyedTrigger implements Trigger<KeyedTrigger.Properties, KeyedTrigger.Keyed> {
  private static final TriggerDescriptor<Properties, Keyed> DESCRIPTOR = new TriggerDescriptor<>("keyed", "Keyed",
      "Emits each key several times at once at every start", Properties.class, Keyed.class);
  static final String STARTS = "starts";

  public record Properties(
      @FormField(label = "Keys (comma-separated)", required = true, maxLength = 2000) String keys,
      @FormField(label = "Copies of each", defaultValue = "4", minimum = 1, maximum = 20) int copies) {}

  public record Keyed(@JsonPropertyDescription("The key the run was emitted with") String key) {}

  @Override
  public TriggerDescriptor<Properties, Keyed> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Keyed> context, Properties properties) {
    Future<Void> emitted = context.state().get(STARTS)
        .map(starts -> starts.map(Integer::parseInt).orElse(0) + 1)
        .compose(start -> context.state().put(STARTS, String.valueOf(start)).map(start))
        .compose(start -> {
          List<Future<Emitted>> copies = new ArrayList<>();
          Arrays.stream(properties.keys().split(",")).map(String::trim).filter(k -> !k.isEmpty()).forEach(key -> {
            for (int i = 0; i < properties.copies(); i++) {
              copies.add(context.emit(new Keyed(key), key));
            }
          });
          return Future.all(copies).compose(all -> context.emit(new Keyed("start " + start), "start " + start));
        })
        .onFailure(e -> context.log().error("keyed emits failed", e))
        .mapEmpty();
    return Future.succeededFuture(() -> emitted.otherwiseEmpty());
  }

  @Override
  public Future<Void> delete(TriggerContext<Keyed> context, Properties properties) {
    return context.state().remove(STARTS);
  }
}
