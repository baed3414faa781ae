package dev.outlookflow.runtime.model;

import io.vertx.core.json.JsonObject;

/** A stored flow: its definition as accepted by the API, and whether its trigger runs. */
public record FlowRecord(
    String id, String workspaceId, String name, JsonObject definition, boolean enabled, long createdAt, long updatedAt) {}
