package dev.outlookflow.runtime.model;

/**
 * One page of a workspace's runs, newest first. Null filters select everything: {@code flowId} the
 * runs of one flow, {@code status} those in that status, {@code since} those created at or after
 * that epoch millisecond, {@code beforeSeq} those stored before the last run of the previous page.
 */
public record RunQuery(String workspaceId, String flowId, RunStatus status, Long since, Long beforeSeq, int limit) {}
