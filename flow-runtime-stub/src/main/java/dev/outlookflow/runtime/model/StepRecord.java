package dev.outlookflow.runtime.model;

import io.vertx.core.json.JsonObject;

/**
 * A step of a run that has started. {@code input} and {@code output} are display copies (secrets
 * redacted, large values truncated); the sealed ones hold the full values while the run is unfinished.
 */
public record StepRecord(
    String runId,
    String stepId,
    int position,
    String type,
    RunStatus status,
    JsonObject input,
    String sealedInput,
    JsonObject output,
    String sealedOutput,
    JsonObject error,
    JsonObject state,
    Long startedAt,
    Long finishedAt) {}
