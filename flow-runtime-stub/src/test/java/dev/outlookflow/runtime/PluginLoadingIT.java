package dev.outlookflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outlookflow.runtime.support.ApiClient;
import dev.outlookflow.runtime.support.InProcessRuntime;
import dev.outlookflow.runtime.support.RuntimeProcess;
import dev.outlookflow.runtime.support.TestPlugins;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins come from zips in a folder, never from the runtime's classpath. */
class PluginLoadingIT {
  @TempDir Path temp;

  @Test
  void testPluginIsNotOnTheRuntimeClasspath() {
    assertThatThrownBy(() -> Class.forName("dev.outlookflow.testplugin.EchoAction"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void catalogListsEveryExtensionOfTheLoadedZipWithItsForm() throws Exception {
    try (InProcessRuntime runtime = InProcessRuntime.start(temp.resolve("data"),
        TestPlugins.folderWithTestPlugin(temp))) {
      JsonObject catalog = runtime.api().get("/api/v1/catalog").json();

      assertThat(ids(catalog.getJsonArray("connectionTypes"))).containsExactly("test/basic");
      assertThat(ids(catalog.getJsonArray("actions")))
          .containsExactlyInAnyOrder("test/echo", "test/hold", "test/hold-once", "test/secret-sink", "test/overlap",
              "test/wait-for-cancel");
      assertThat(ids(catalog.getJsonArray("triggers"))).containsExactlyInAnyOrder("manual", "schedule", "test/counter", "test/keyed",
          "test/watch", "test/lifecycle", "test/batch");
      JsonObject echo = entry(catalog.getJsonArray("actions"), "test/echo");
      assertThat(echo.getString("plugin")).isEqualTo("test");
      assertThat(echo.getString("name")).isEqualTo("Echo");
      assertThat(echo.getBoolean("supportsRecovery")).isTrue();
      assertThat(echo.getJsonObject("schema").getString("$schema"))
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(echo.getJsonObject("schema").getJsonArray("required").getList()).containsExactly("message");
      assertThat(echo.getJsonObject("ui").getString("type")).isEqualTo("VerticalLayout");
      assertThat(entry(catalog.getJsonArray("actions"), "test/hold-once").getBoolean("supportsRecovery")).isFalse();
    }
  }

  @Test
  void corruptAndIncompatiblePluginsAreRefusedAndTheRestLoads() throws Exception {
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    TestPlugins.addCorruptZip(plugins, "broken.zip");
    TestPlugins.addPluginRequiring(plugins, "future.zip", "future", ">=9.0.0");

    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"), "--plugins-dir", plugins.toString())) {
      ApiClient api = runtime.api();
      JsonObject health = api.get("/api/v1/health").json();

      assertThat(health.getString("status")).isEqualTo("up");
      assertThat(ids(health.getJsonObject("plugins").getJsonArray("loaded"))).containsExactly("test");
      JsonArray refused = health.getJsonObject("plugins").getJsonArray("refused");
      assertThat(refused.getJsonObject(0).getString("file")).isEqualTo("broken.zip");
      assertThat(refused.getJsonObject(0).getString("reason")).contains("not a readable zip archive");
      assertThat(refused.getJsonObject(1).getString("file")).isEqualTo("future.zip");
      assertThat(refused.getJsonObject(1).getString("reason"))
          .contains("requires runtime version '>=9.0.0'", "this runtime is 0.6.0");
      assertThat(runtime.output())
          .contains("plugin file broken.zip refused: it is not a readable zip archive")
          .contains("plugin file future.zip refused: it requires runtime version '>=9.0.0'");
      assertThat(ids(api.get("/api/v1/catalog").json().getJsonArray("actions"))).contains("test/echo");
    }
  }

  @Test
  void packagedRuntimeLoadsTheOutlookPluginFromThePluginsFolderBesideItsJar() throws Exception {
    assertThat(RuntimeProcess.jar().resolveSibling("plugins").resolve("outlook-plugin-plugin.zip")).exists();
    try (RuntimeProcess runtime = RuntimeProcess.start(temp.resolve("data"))) {
      JsonObject plugins = runtime.api().get("/api/v1/health").json().getJsonObject("plugins");
      assertThat(ids(plugins.getJsonArray("loaded"))).containsExactly("outlook");
      assertThat(plugins.getJsonArray("refused")).isEmpty();
    }
  }

  private static List<String> ids(JsonArray entries) {
    return entries.stream().map(e -> ((JsonObject) e).getString("id")).toList();
  }

  private static JsonObject entry(JsonArray entries, String id) {
    return entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id))
        .findFirst().orElseThrow();
  }
}
