package dev.outlookflow.runtime.model;

/** A workspace: the boundary of connections, flows, runs and keys. */
public record WorkspaceRecord(String id, String name, long createdAt) {}
