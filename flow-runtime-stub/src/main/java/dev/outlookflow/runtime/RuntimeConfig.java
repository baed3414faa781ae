package dev.outlookflow.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** How a runtime instance is started. {@code port} 0 picks a free port. */
public record RuntimeConfig(
    String host, int port, Path dataDir, Path pluginsDir, Optional<String> publicUrl, Clock clock) {

  public RuntimeConfig withPort(int newPort) {
    return new RuntimeConfig(host, newPort, dataDir, pluginsDir, publicUrl, clock);
  }
}
