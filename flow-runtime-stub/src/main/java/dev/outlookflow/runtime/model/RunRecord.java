package dev.outlookflow.runtime.model;

import io.vertx.core.json.JsonObject;

/**
 * A stored run with the flow as it was when the run was created. {@code triggerEvent} is the display
 * copy; {@code sealedEvent} the full event, sealed with the run key, present while the run is unfinished;
 * {@code cancelRequestedAt} when a cancellation was asked for, null if none was; {@code triggerKey} the key
 * its trigger emitted it under, null when it was started without one.
 */
public record RunRecord(
    String id,
    String workspaceId,
    String flowId,
    JsonObject flowSnapshot,
    JsonObject triggerEvent,
    String sealedEvent,
    RunStatus status,
    JsonObject error,
    long createdAt,
    Long startedAt,
    Long finishedAt,
    Long cancelRequestedAt,
    String triggerKey) {}
