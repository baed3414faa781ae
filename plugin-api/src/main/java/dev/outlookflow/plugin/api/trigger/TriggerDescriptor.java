package dev.outlookflow.plugin.api.trigger;

import dev.outlookflow.plugin.api.Descriptor;

/**
 * A trigger, declared once: its identity, its properties' record and its event's type, whose JSON
 * Schema the catalog publishes and against which the runtime checks {@code {{trigger.<path>}}} at save.
 * An event type that is a Jackson tree is free-form: any path into it is allowed.
 */
public record TriggerDescriptor<P extends Record, E>(
    String id, String name, String description, Class<P> properties, Class<E> event) implements Descriptor {}
