package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeMainTest {

  @Test
  void flagsOverrideEnvironmentWhichOverridesDefaults() {
    RuntimeConfig config = RuntimeMain.parse(new String[] {"--port", "9000", "--public-url", "https://flows.example.com/"},
        Map.of("FLOW_PORT", "7000", "FLOW_DATA_DIR", "/var/flows"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/flows"));
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.publicUrl()).contains("https://flows.example.com");
  }

  @Test
  void defaultsAreAPortAndADataFolder() {
    RuntimeConfig config = RuntimeMain.parse(new String[0], Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.pluginsDir().getFileName()).isEqualTo(Path.of("plugins"));
  }

  @Test
  void theDemoSandboxRunsInProcessUnlessPointedElsewhereOrTurnedOff() {
    assertThat(RuntimeMain.parse(new String[0], Map.of()).sandbox()).isInstanceOf(SandboxChoice.Embedded.class);
    assertThat(RuntimeMain.parse(new String[] {"--sandbox-url", "http://127.0.0.1:8081/"}, Map.of()).sandbox())
        .isEqualTo(new SandboxChoice.External("http://127.0.0.1:8081"));
    assertThat(RuntimeMain.parse(new String[] {"--no-sandbox"}, Map.of()).sandbox()).isInstanceOf(SandboxChoice.None.class);
  }

  @Test
  void badFlagsAreRefusedNamingTheProblem() {
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--prot", "1"}, Map.of()))
        .hasMessageContaining("unknown flag or missing value: --prot");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--port"}, Map.of()))
        .hasMessageContaining("missing value: --port");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--port", "http"}, Map.of()))
        .hasMessageContaining("--port must be a number");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--port", "70000"}, Map.of()))
        .hasMessageContaining("from 0 to 65535");
  }
}
