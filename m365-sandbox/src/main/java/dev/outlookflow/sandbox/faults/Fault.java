package dev.outlookflow.sandbox.faults;

/** What an injected fault does to a matching request. */
public sealed interface Fault permits Fault.Status, Fault.Latency, Fault.Hold, Fault.DropBefore, Fault.DropAfter {

  /**
   * Answers this status with Graph's error body for it, or with {@code body} as given (a body as Graph's
   * front ends answer in the wild: another shape, or not JSON at all); {@code retryAfter} (seconds, may be
   * fractional) if set.
   */
  record Status(int status, String retryAfter, String body) implements Fault {}

  /** Holds the request this long, then handles it. */
  record Latency(long millis) implements Fault {}

  /**
   * Holds the request until the control API releases held requests ({@code POST /_sandbox/faults/release}),
   * then handles it: a test overlaps requests for certain, not for as long as a latency lasts.
   */
  record Hold() implements Fault {}

  /** Closes the connection before the request is handled: nothing happened. */
  record DropBefore() implements Fault {}

  /** Handles the request, then closes the connection instead of answering: it happened, the client can't tell. */
  record DropAfter() implements Fault {}
}
