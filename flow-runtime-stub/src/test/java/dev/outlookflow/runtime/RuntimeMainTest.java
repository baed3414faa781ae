package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
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

  @Test
  void pluginSettingsAreRepeatableNameValuePairsKeptForPlugins() {
    RuntimeConfig config = RuntimeMain.parse(new String[] {"--plugin-setting", "outlook.graphConcurrency=app",
        "--plugin-setting", "test.empty=", "--plugin-setting", "test.url=https://x.example/?a=b"}, Map.of());
    assertThat(config.pluginSettings()).isEqualTo(Map.of("outlook.graphConcurrency", "app", "test.empty", "",
        "test.url", "https://x.example/?a=b"));
    assertThat(RuntimeMain.parse(new String[0], Map.of()).pluginSettings()).isEmpty();
  }

  @Test
  void aBadPluginSettingIsRefusedSayingHowToWriteIt() {
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting"}, Map.of()))
        .hasMessage("--plugin-setting needs name=value, such as --plugin-setting outlook.graphConcurrency=app");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "concurrency"}, Map.of()))
        .hasMessage("--plugin-setting concurrency has no value: write it as --plugin-setting concurrency=value");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "a b=1"}, Map.of()))
        .hasMessageStartingWith("--plugin-setting 'a b': a setting's name is 1 to 100 letters, digits");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "=1"}, Map.of()))
        .hasMessageStartingWith("--plugin-setting '': a setting's name is 1 to 100");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "n".repeat(101) + "=1"}, Map.of()))
        .hasMessageStartingWith("--plugin-setting '" + "n".repeat(100) + "…'");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "a=" + "v".repeat(1_001)}, Map.of()))
        .hasMessage("--plugin-setting a: its value is 1,001 characters; a setting's value is at most 1,000");
    assertThatThrownBy(() -> RuntimeMain.parse(new String[] {"--plugin-setting", "a=1", "--plugin-setting", "a=2"},
        Map.of())).hasMessage("--plugin-setting a is given twice: give it once");
  }

  @Test
  void atMostAHundredPluginSettingsAreTaken() {
    String[] hundred = new String[200];
    for (int i = 0; i < 100; i++) {
      hundred[2 * i] = "--plugin-setting";
      hundred[2 * i + 1] = "s" + i + "=v";
    }
    assertThat(RuntimeMain.parse(hundred, Map.of()).pluginSettings()).hasSize(100);
    String[] more = Arrays.copyOf(hundred, 202);
    more[200] = "--plugin-setting";
    more[201] = "s100=v";
    assertThatThrownBy(() -> RuntimeMain.parse(more, Map.of()))
        .hasMessage("at most 100 --plugin-setting flags may be given: drop the ones no plugin reads");
  }
}
