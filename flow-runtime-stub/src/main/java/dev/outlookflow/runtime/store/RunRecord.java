package dev.outlookflow.runtime.store;

import io.vertx.core.json.JsonObject;

/** A stored run with the flow as it was when the run was created. */
public record RunRecord(
    String id,
    String flowId,
    JsonObject flowSnapshot,
    JsonObject triggerEvent,
    RunStatus status,
    JsonObject error,
    long createdAt,
    Long startedAt,
    Long finishedAt) {}
