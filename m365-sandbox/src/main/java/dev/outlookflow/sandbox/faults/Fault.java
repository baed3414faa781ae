package dev.outlookflow.sandbox.faults;

/** What an injected fault does to a matching request. */
public sealed interface Fault permits Fault.Status, Fault.Latency, Fault.DropBefore, Fault.DropAfter {

  /** Answers this status with Graph's error body; {@code retryAfter} (seconds, may be fractional) if set. */
  record Status(int status, String retryAfter) implements Fault {}

  /** Holds the request this long, then handles it. */
  record Latency(long millis) implements Fault {}

  /** Closes the connection before the request is handled: nothing happened. */
  record DropBefore() implements Fault {}

  /** Handles the request, then closes the connection instead of answering: it happened, the client can't tell. */
  record DropAfter() implements Fault {}
}
