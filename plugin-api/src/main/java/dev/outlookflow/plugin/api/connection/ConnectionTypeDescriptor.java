package dev.outlookflow.plugin.api.connection;

import dev.outlookflow.plugin.api.Descriptor;

/** A connection type, declared once: its identity and its editor's record. */
public record ConnectionTypeDescriptor<C extends Record>(String id, String name, String description,
    Class<C> properties) implements Descriptor {}
