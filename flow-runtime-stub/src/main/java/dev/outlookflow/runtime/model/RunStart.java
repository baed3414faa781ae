package dev.outlookflow.runtime.model;

/** What {@link RunStore#start} found: whether the run may execute its steps. */
public enum RunStart {
  /** Queued until now: it is running from here on. */
  STARTED,
  /** Left running by a crash, a shutdown or a store failure: it is taken up again. */
  RESUMED,
  /** A cancellation was asked for, or the run has ended: no step may start. */
  REFUSED
}
