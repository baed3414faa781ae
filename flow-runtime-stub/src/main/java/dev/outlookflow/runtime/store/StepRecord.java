package dev.outlookflow.runtime.store;

import io.vertx.core.json.JsonObject;

/** A step of a run that has started: its resolved input, output or error, and recorded state. */
public record StepRecord(
    String runId,
    String stepId,
    int position,
    String type,
    RunStatus status,
    JsonObject input,
    JsonObject output,
    JsonObject error,
    JsonObject state,
    Long startedAt,
    Long finishedAt) {}
