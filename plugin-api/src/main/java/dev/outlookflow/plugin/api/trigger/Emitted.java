package dev.outlookflow.plugin.api.trigger;

/**
 * What a keyed emit did: the run that holds the key, and whether this emit created it ({@code false}: an
 * earlier emit of the same key did, before a crash, a restart or at the same moment).
 */
public record Emitted(String runId, boolean created) {}
