package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.FormField;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * Tells, in the one run each start emits, what its flow's trigger went through: the start's number and the
 * reasons it was stopped for, both kept in its trigger state (so they show whether the runtime kept or cleared
 * that state); the reasons this extension saw under the trigger's label since the runtime started, those that
 * end a trigger for good included; what its connection's shared state held (the label of the flow that
 * started on it last, and a sealed value the first one stored); and the plugin setting {@code test.greeting}.
 * A start completes once its run is stored. With "Report a hostile report" it reports far more than the
 * runtime keeps, with missing parts.
 */
@Extension
public class LifecycleTrigger implements Trigger<LifecycleTrigger.Properties, LifecycleTrigger.Lived> {
  private static final TriggerDescriptor<Properties, Lived> DESCRIPTOR = new TriggerDescriptor<>("lifecycle",
      "Lifecycle", "Emits what its trigger went through at every start", Properties.class, Lived.class);
  static final String STARTS = "starts";
  static final String STOPS = "stops";
  static final String LAST_STARTED = "last started";
  static final String SECRET = "secret";

  /** Stop reasons by label, as this instance saw them: it lives as long as the runtime's plugin. */
  private final Map<String, List<String>> seen = new ConcurrentHashMap<>();

  public record Properties(
      @FormField(label = "Connection", type = FieldType.CONNECTION, connectionType = "test/basic") String connection,
      @FormField(label = "Label", required = true, maxLength = 100) String label,
      @FormField(label = "Report a hostile report", defaultValue = "false") boolean hostileReport) {}

  public record Lived(
      @JsonPropertyDescription("This start's number, kept in trigger state") int start,
      @JsonPropertyDescription("The reasons the trigger was stopped for, kept in trigger state") String keptStops,
      @JsonPropertyDescription("The reasons seen under this label since the runtime started") String seenStops,
      @JsonPropertyDescription("The label the connection's shared state held before this start") String sharedBefore,
      @JsonPropertyDescription("The sealed value the connection's shared state holds") String sealed,
      @JsonPropertyDescription("The plugin setting test.greeting") String setting) {}

  @Override
  public TriggerDescriptor<Properties, Lived> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Lived> context, Properties properties) {
    Future<Integer> start = context.state().get(STARTS).map(starts -> starts.map(Integer::parseInt).orElse(0) + 1)
        .compose(n -> context.state().put(STARTS, String.valueOf(n)).map(n));
    return start.compose(n -> context.state().get(STOPS).compose(kept -> shared(context, properties.label())
        .compose(shared -> context.emit(new Lived(n, kept.orElse(""), String.join(" ", seen(properties.label())),
            shared.before(), shared.sealed(), context.environment().setting("test.greeting").orElse(null))))
        .map(run -> {
          context.report(properties.hostileReport() ? hostile() : report(properties.label(), n));
          return (TriggerHandle) reason -> stopped(context, properties.label(), reason);
        })));
  }

  /** What the connection's shared state held: the label that started last, and the sealed value. */
  private record Shared(String before, String sealed) {}

  /** Reads and writes the connection's shared state (the sealed value stored first if it holds none). */
  private static Future<Shared> shared(TriggerContext<Lived> context, String label) {
    if (context.shared().isEmpty()) {
      return Future.succeededFuture(new Shared(null, null));
    }
    SharedState shared = context.shared().get();
    return shared.get(LAST_STARTED).compose(before -> shared.put(LAST_STARTED, label)
        .compose(v -> shared.getSealed(SECRET))
        .compose(sealed -> sealed.isPresent() ? Future.succeededFuture(sealed.get())
            : storeSealed(shared, "sealed by " + label + " #" + UUID.randomUUID()))
        .map(sealed -> new Shared(before.orElse(null), sealed)));
  }

  private static Future<String> storeSealed(SharedState shared, String secret) {
    return shared.putSealed(SECRET, secret).compose(v -> shared.getSealed(SECRET)).map(read -> read.orElseThrow());
  }

  /** Records the reason, in memory and in trigger state, before the stop completes. */
  private Future<Void> stopped(TriggerContext<Lived> context, String label, StopReason reason) {
    seen(label).add(reason.name());
    return context.state().get(STOPS).compose(kept -> context.state().put(STOPS,
        kept.map(k -> k + " ").orElse("") + reason.name()));
  }

  private List<String> seen(String label) {
    return seen.computeIfAbsent(label, l -> Collections.synchronizedList(new ArrayList<>()));
  }

  private static TriggerReport report(String label, int start) {
    return new TriggerReport("test", "reports what it went through", null, List.of(new TriggerReport.Source(label,
        null, null, null, Map.of("starts", (long) start), null)));
  }

  /** Far more than the runtime keeps, with parts missing: 150 sources, long text, 50 counts of long names. */
  private static TriggerReport hostile() {
    String longText = "x".repeat(5_000);
    List<TriggerReport.Source> sources = new ArrayList<>();
    sources.add(null);
    for (int i = 0; i < 150; i++) {
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put(null, 1L);
      counts.put("empty", null);
      for (int c = 0; c < 50; c++) {
        counts.put(c + "-" + "n".repeat(200), (long) c);
      }
      sources.add(new TriggerReport.Source(longText, null, null, longText, counts, longText));
    }
    return new TriggerReport(null, longText, longText, sources);
  }
}
