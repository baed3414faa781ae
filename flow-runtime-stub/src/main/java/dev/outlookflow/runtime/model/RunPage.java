package dev.outlookflow.runtime.model;

import java.util.List;

/** A page of runs, newest first; {@code lastSeq} is where the next page starts, null on the last page. */
public record RunPage(List<RunRecord> runs, Long lastSeq) {}
