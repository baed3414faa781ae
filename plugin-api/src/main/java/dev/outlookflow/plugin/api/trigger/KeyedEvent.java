package dev.outlookflow.plugin.api.trigger;

import java.time.Instant;

/**
 * One event of {@link TriggerContext#emitAll}: the event, its key (as {@link TriggerContext#emit(Object, String)}
 * takes it) and the key's time, or null for the time it is stored. {@code emitAll} checks each as {@code emit}
 * does and refuses the whole batch, naming the event by its index, if one is refused.
 */
public record KeyedEvent<E>(E event, String key, Instant keyTime) {}
