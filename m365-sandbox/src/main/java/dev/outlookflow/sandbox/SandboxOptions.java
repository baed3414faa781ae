package dev.outlookflow.sandbox;

import dev.outlookflow.sandbox.tenant.DemoSeed;
import dev.outlookflow.sandbox.tenant.Seed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How a sandbox starts: where it listens ({@code port} 0: a free one), its tenants, and where it keeps
 * what it issues (none: in memory only).
 */
public record SandboxOptions(String host, int port, Seed seed, Optional<Path> stateDir, Clock clock) {
  private static final String IPV4_LOOPBACK = "127.0.0.1";

  /**
   * The host of the sandbox's address: {@code localhost} when it listens on {@code 127.0.0.1}, so that a
   * runtime reached at {@code 127.0.0.1} and the sandbox's sign-in pages are two sites to a browser, as an
   * application and Microsoft's sign-in pages are (ports alone do not make two sites).
   */
  public String urlHost() {
    return IPV4_LOOPBACK.equals(host) ? "localhost" : host;
  }

  /** The demo tenant on a free loopback port, in memory. */
  public static SandboxOptions demo() {
    return new SandboxOptions(IPV4_LOOPBACK, 0, DemoSeed.seed(), Optional.empty(), Clock.systemUTC());
  }

  public SandboxOptions withStateDir(Path dir) {
    return new SandboxOptions(host, port, seed, Optional.of(dir), clock);
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(host, newPort, seed, stateDir, clock);
  }

  public SandboxOptions withSeed(Seed newSeed) {
    return new SandboxOptions(host, port, newSeed, stateDir, clock);
  }
}
