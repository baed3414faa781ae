package dev.outlookflow.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a runtime instance is started. {@code port} 0 picks a free port; {@code masterKeyFile} empty
 * means {@code DATA_DIR/master-key}; {@code pluginSettings} are what plugins read through
 * {@code PluginEnvironment.setting}; {@link #local} starts no sandbox.
 */
public record RuntimeConfig(
    String host,
    int port,
    Path dataDir,
    Path pluginsDir,
    Optional<String> publicUrl,
    Optional<Path> masterKeyFile,
    boolean rotateMasterKey,
    Duration runRetention,
    int maxConcurrentRuns,
    SandboxChoice sandbox,
    Map<String, String> pluginSettings,
    Clock clock) {

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  /** How many runs execute at once unless told; the others wait in the store. */
  public static final int DEFAULT_MAX_CONCURRENT_RUNS = 16;

  public RuntimeConfig {
    pluginSettings = Map.copyOf(pluginSettings);
  }

  /** A local runtime on a free port with the defaults, for tests and embedding. */
  public static RuntimeConfig local(Path dataDir, Path pluginsDir, Clock clock) {
    return new RuntimeConfig("127.0.0.1", 0, dataDir, pluginsDir, Optional.empty(), Optional.empty(), false,
        DEFAULT_RETENTION, DEFAULT_MAX_CONCURRENT_RUNS, new SandboxChoice.None(), Map.of(), clock);
  }

  public RuntimeConfig withSandbox(SandboxChoice choice) {
    return new RuntimeConfig(host, port, dataDir, pluginsDir, publicUrl, masterKeyFile, rotateMasterKey, runRetention,
        maxConcurrentRuns, choice, pluginSettings, clock);
  }

  public RuntimeConfig withPluginSettings(Map<String, String> settings) {
    return new RuntimeConfig(host, port, dataDir, pluginsDir, publicUrl, masterKeyFile, rotateMasterKey, runRetention,
        maxConcurrentRuns, sandbox, settings, clock);
  }

  public RuntimeConfig withMaxConcurrentRuns(int runs) {
    return new RuntimeConfig(host, port, dataDir, pluginsDir, publicUrl, masterKeyFile, rotateMasterKey, runRetention,
        runs, sandbox, pluginSettings, clock);
  }

  /** The same runtime, which at its next start adds a new master key and rewraps every data key under it. */
  public RuntimeConfig rotatingMasterKey() {
    return new RuntimeConfig(host, port, dataDir, pluginsDir, publicUrl, masterKeyFile, true, runRetention,
        maxConcurrentRuns, sandbox, pluginSettings, clock);
  }

  /** Whether only this machine can reach the API: the host is a loopback address or a name for one. */
  public boolean loopbackOnly() {
    return isLoopback(host);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host.replaceAll("^\\[|\\]$", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public Path masterKeyPath() {
    return masterKeyFile.orElse(dataDir.resolve("master-key"));
  }
}
