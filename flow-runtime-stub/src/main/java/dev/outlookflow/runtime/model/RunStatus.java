package dev.outlookflow.runtime.model;

/** Life of a run; also used for its steps. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** A crash stopped a step that cannot be safely re-run. */
  INTERRUPTED,
  /** Stopped on request; a step that completed despite the request keeps its own status. */
  CANCELLED;

  public String value() {
    return name().toLowerCase();
  }

  public static RunStatus of(String value) {
    return valueOf(value.toUpperCase());
  }

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == INTERRUPTED || this == CANCELLED;
  }
}
