package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outlookflow.runtime.support.RuntimeProcess;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up that says what to do: --help, a port in use, a data directory another runtime holds. */
class StartUpIT {
  @TempDir Path temp;

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    RuntimeProcess.Exit help = RuntimeProcess.exit(temp, "--help");

    assertThat(help.code()).isZero();
    assertThat(help.output()).startsWith("usage: java -jar flow-runtime-stub.jar [--port 8080]")
        .contains("[--help | -h]").doesNotContain("unknown flag");
  }

  @Test
  void aPortInUseIsNamedWithTheFlagThatChangesIt() throws Exception {
    try (RuntimeProcess first = RuntimeProcess.start(temp.resolve("first"), "--no-sandbox")) {
      String port = String.valueOf(URI.create(first.api().baseUrl()).getPort());

      RuntimeProcess.Exit second = RuntimeProcess.exit(temp, "--port", port, "--data-dir",
          temp.resolve("second").toString(), "--no-sandbox");

      assertThat(second.code()).isEqualTo(1);
      assertThat(second.output()).contains("flow runtime could not start: port " + port + " on 127.0.0.1 is in use by "
          + "another program: stop it, or start this runtime with another --port (0 picks a free one)");
    }
  }

  @Test
  void aDataDirectoryAnotherRuntimeHoldsIsSaidSo() throws Exception {
    Path data = temp.resolve("data");
    try (RuntimeProcess first = RuntimeProcess.start(data, "--no-sandbox")) {
      RuntimeProcess.Exit second = RuntimeProcess.exit(temp, "--port", "0", "--data-dir", data.toString(),
          "--no-sandbox");

      assertThat(second.code()).isEqualTo(1);
      assertThat(second.output()).contains("flow runtime could not start: the data directory "
          + data.toAbsolutePath() + " is in use by another runtime (its database is locked): stop that runtime, or "
          + "start this one with another --data-dir").doesNotContain("The file is locked");
    }
  }
}
