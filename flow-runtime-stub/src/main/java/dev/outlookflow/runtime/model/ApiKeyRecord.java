package dev.outlookflow.runtime.model;

/** A stored API key: only the SHA-256 of the key itself is kept. */
public record ApiKeyRecord(
    String id, String workspaceId, String role, String keyHash, long createdAt, Long revokedAt) {}
