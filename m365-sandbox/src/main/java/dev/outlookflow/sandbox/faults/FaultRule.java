package dev.outlookflow.sandbox.faults;

import java.util.Random;
import java.util.regex.Pattern;

/**
 * A fault for requests of one method (or any) whose path matches a glob ({@code *} is one path
 * segment, {@code **} any): for the next N of them, or each with a probability drawn from a seeded
 * random, so tests never flake.
 */
final class FaultRule {
  private final String id;
  private final String method;
  private final String glob;
  private final Pattern path;
  private final Fault fault;
  private int remaining;
  private final double probability;
  private final Random random;
  /** Requests this rule hit since it was added or its count was last reset. */
  private long fired;

  FaultRule(String id, String method, String glob, Fault fault, Integer times, Double probability, long seed) {
    this.id = id;
    this.method = method == null ? "*" : method.toUpperCase(java.util.Locale.ROOT);
    this.glob = glob;
    this.path = Pattern.compile(globToRegex(glob));
    this.fault = fault;
    this.remaining = times == null ? -1 : times;
    this.probability = probability == null ? 1.0 : probability;
    this.random = new Random(seed);
  }

  String id() {
    return id;
  }

  Fault fault() {
    return fault;
  }

  /** Whether this request gets the fault; counts it against next-N. */
  synchronized boolean fires(String requestMethod, String requestPath) {
    if (remaining == 0 || !("*".equals(method) || method.equalsIgnoreCase(requestMethod))
        || !path.matcher(requestPath).matches()) {
      return false;
    }
    if (probability < 1.0 && random.nextDouble() >= probability) {
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    fired++;
    return true;
  }

  synchronized FaultCount tally() {
    return new FaultCount(id, method, glob, fired);
  }

  synchronized void resetTally() {
    fired = 0;
  }

  synchronized boolean spent() {
    return remaining == 0;
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
