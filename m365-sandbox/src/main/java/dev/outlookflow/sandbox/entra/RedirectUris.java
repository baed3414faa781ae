package dev.outlookflow.sandbox.entra;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Entra's redirect URI rule: exact match, but the port of a loopback address is ignored. */
final class RedirectUris {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private RedirectUris() {}

  static boolean registered(List<String> registered, String requested) {
    if (requested == null) {
      return false;
    }
    for (String candidate : registered) {
      if (candidate.equals(requested) || sameLoopbackIgnoringPort(candidate, requested)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameLoopbackIgnoringPort(String registered, String requested) {
    try {
      URI a = URI.create(registered);
      URI b = URI.create(requested);
      return a.getHost() != null && LOOPBACK.contains(a.getHost()) && a.getHost().equals(b.getHost())
          && "http".equals(a.getScheme()) && a.getScheme().equals(b.getScheme())
          && a.getRawPath().equals(b.getRawPath()) && b.getRawQuery() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
