package dev.outlookflow.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged runtime jar run as a separate process, so tests can kill -9 it. */
public final class RuntimeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("flow runtime listening on (http://\\S+)");

  private final Process process;
  private final Path outputFile;
  private final Path dataDir;
  private volatile String baseUrl;

  private RuntimeProcess(Process process, Path outputFile, Path dataDir) {
    this.process = process;
    this.outputFile = outputFile;
    this.dataDir = dataDir;
  }

  public static Path jar() {
    String jar = System.getProperty("runtimeJar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the runtime jar is missing (" + jar + "): run the tests with mvn verify");
    }
    return Path.of(jar);
  }

  /** How a run of the jar that was expected to end ended: its exit code and everything it printed. */
  public record Exit(int code, String output) {}

  /** Runs the jar with exactly these arguments (no defaults) and waits, at most a minute, until it exits. */
  public static Exit exit(Path folder, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(folder);
      Path outputFile = Files.createTempFile(folder, "runtime-", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile())
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the runtime did not exit within a minute:\n" + Files.readString(outputFile));
      }
      return new Exit(process.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the jar with the given extra flags and waits until it listens. */
  public static RuntimeProcess start(Path dataDir, String... flags) {
    return start(List.of(), dataDir, flags);
  }

  /** Starts the jar in a JVM with {@code jvmOptions} (e.g. {@code -Xmx256m}). */
  public static RuntimeProcess start(List<String> jvmOptions, Path dataDir, String... flags) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "--port", "0", "--data-dir", dataDir.toString()));
    command.addAll(List.of(flags));
    try {
      // A file, not a pipe: output written just before the process dies is still there to read.
      Files.createDirectories(dataDir);
      Path outputFile = Files.createTempFile(dataDir.getParent(), "runtime-", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(outputFile.toFile()).start();
      RuntimeProcess runtime = new RuntimeProcess(process, outputFile, dataDir);
      runtime.baseUrl = Eventually.await("the runtime to listen", Duration.ofSeconds(60), () -> {
        if (!process.isAlive()) {
          throw new AssertionError("the runtime exited with " + process.exitValue() + ":\n" + runtime.output());
        }
        return runtime.listeningUrl();
      });
      return runtime;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the runtime", e);
    }
  }

  private String listeningUrl() {
    Matcher m = LISTENING.matcher(output());
    return m.find() ? m.group(1) : null;
  }

  public ApiClient api() throws IOException {
    return new ApiClient(baseUrl, Files.readString(dataDir.resolve("admin-key")).strip());
  }

  public String output() {
    try {
      return Files.readString(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code check}; if it fails, the failure carries what the runtime printed. */
  public <T> T explaining(Supplier<T> check) {
    try {
      return check.get();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- runtime output ---\n" + output(), e);
    }
  }

  /** The runtime's process id, for benchmarks that read its heap and CPU time. */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed by the runtime. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, answering the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the runtime did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }
}
