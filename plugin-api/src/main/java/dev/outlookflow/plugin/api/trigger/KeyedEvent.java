package dev.outlookflow.plugin.api.trigger;

import java.time.Instant;

/** One event of {@link TriggerContext#emitAll}: its key, and the key's time (null: the time it is stored). */
public record KeyedEvent<E>(E event, String key, Instant keyTime) {}
