package dev.outlookflow.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerDescriptor;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.uischema.form.FormField;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * At every start, emits each of its keys several times at once, then the key {@code start N} (its Nth start)
 * with what the runtime answered: per key, how many emits created a run, how many distinct runs were answered,
 * and whether that run is the one answered at the first start ({@code a=1/1/new}, {@code a=0/1/same}). With a
 * keys' time, its keys are emitted with it ({@code start N} always with the time it is stored); with a mark to
 * forget before, each start first forgets the flow's keys older than it and says how many ({@code forgot=2}).
 */
@Extension
public class KeyedTrigger implements Trigger<KeyedTrigger.Properties, KeyedTrigger.Keyed> {
  private static final TriggerDescriptor<Properties, Keyed> DESCRIPTOR = new TriggerDescriptor<>("keyed", "Keyed",
      "Emits each key several times at once at every start", Properties.class, Keyed.class);
  static final String STARTS = "starts";

  public record Properties(
      @FormField(label = "Keys (comma-separated)", required = true, maxLength = 2000) String keys,
      @FormField(label = "Copies of each", defaultValue = "4", minimum = 1, maximum = 20) int copies,
      @FormField(label = "Keys' time", maxLength = 40, help = "An ISO-8601 instant, such as 2001-01-01T00:00:00Z")
          String keyTime,
      @FormField(label = "Forget keys before", maxLength = 40, help = "An ISO-8601 instant") String forgetBefore) {}

  public record Keyed(
      @JsonPropertyDescription("The key the run was emitted with") String key,
      @JsonPropertyDescription("On a start's closing run: what the runtime answered for each key") String answers) {}

  @Override
  public TriggerDescriptor<Properties, Keyed> descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FieldError> validate(Properties properties) {
    return Stream.of(unreadable("keyTime", properties.keyTime()), unreadable("forgetBefore", properties.forgetBefore()))
        .flatMap(Optional::stream).toList();
  }

  private static Optional<FieldError> unreadable(String field, String text) {
    return text == null || text.isBlank() || instant(text) != null ? Optional.empty()
        : Optional.of(new FieldError(field, "not an ISO-8601 instant; write one such as 2001-01-01T00:00:00Z"));
  }

  @Override
  public Future<TriggerHandle> start(TriggerContext<Keyed> context, Properties properties) {
    List<String> keys = Arrays.stream(properties.keys().split(",")).map(String::trim).filter(k -> !k.isEmpty())
        .toList();
    Instant keyTime = instant(properties.keyTime());
    Instant forgetBefore = instant(properties.forgetBefore());
    Future<Void> emitted = context.state().get(STARTS)
        .map(starts -> starts.map(Integer::parseInt).orElse(0) + 1)
        .compose(start -> context.state().put(STARTS, String.valueOf(start)).map(start))
        .compose(start -> (forgetBefore == null ? Future.succeededFuture("")
            : context.forgetKeysBefore(forgetBefore).map(forgot -> "forgot=" + forgot + " ")).compose(forgot -> {
              List<Future<String>> answers = new ArrayList<>();
              keys.forEach(key -> answers.add(emitCopies(context, key, keyTime, properties.copies())));
              return Future.all(answers).compose(all -> context.emit(
                  new Keyed("start " + start, forgot + String.join(" ", all.<String>list())), "start " + start));
            }))
        .onFailure(e -> context.log().error("keyed emits failed", e))
        .mapEmpty();
    return Future.succeededFuture(reason -> emitted.otherwiseEmpty());
  }

  /** The instant written, or null when none is (or it is not one). */
  private static Instant instant(String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Emits one key {@code copies} times at once, with {@code keyTime} unless it is null; answers
   * {@code key=created/runs/new|same|changed}.
   */
  private static Future<String> emitCopies(TriggerContext<Keyed> context, String key, Instant keyTime, int copies) {
    List<Future<Emitted>> emits = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      emits.add(keyTime == null ? context.emit(new Keyed(key, null), key)
          : context.emit(new Keyed(key, null), key, keyTime));
    }
    return Future.all(emits).compose(all -> {
      List<Emitted> answered = all.list();
      long created = answered.stream().filter(Emitted::created).count();
      List<String> runs = answered.stream().map(Emitted::runId).distinct().toList();
      String stateKey = "run " + key;
      return context.state().get(stateKey).compose(before -> {
        String verdict = before.map(run -> runs.equals(List.of(run)) ? "same" : "changed").orElse("new");
        Future<Void> kept = before.isPresent() ? Future.succeededFuture()
            : context.state().put(stateKey, runs.get(0));
        return kept.map(key + "=" + created + "/" + runs.size() + "/" + verdict);
      });
    });
  }

  @Override
  public Future<Void> delete(TriggerContext<Keyed> context, Properties properties) {
    return context.state().remove(STARTS);
  }
}
