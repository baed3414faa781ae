package dev.outlookflow.runtime.store;

import io.vertx.core.json.JsonObject;

/** A stored connection. {@code properties} hold secrets in the clear only in memory. */
public record ConnectionRecord(
    String id,
    String type,
    String name,
    JsonObject properties,
    String status,
    String statusMessage,
    String actionUrl,
    long createdAt,
    long updatedAt) {}
