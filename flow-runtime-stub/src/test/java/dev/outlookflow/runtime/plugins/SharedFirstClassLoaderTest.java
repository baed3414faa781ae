package dev.outlookflow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedFirstClassLoaderTest {

  @Test
  void classesCrossingThePluginBoundaryComeFromTheHost() {
    assertThat(SharedFirstClassLoader.isShared("io.vertx.core.json.JsonObject")).isTrue();
    assertThat(SharedFirstClassLoader.isShared("io.netty.buffer.ByteBuf")).isTrue();
    assertThat(SharedFirstClassLoader.isShared("com.fasterxml.jackson.databind.JsonNode")).isTrue();
    assertThat(SharedFirstClassLoader.isShared("org.slf4j.Logger")).isTrue();
    assertThat(SharedFirstClassLoader.isShared("dev.outlookflow.plugin.api.action.Action")).isTrue();
    assertThat(SharedFirstClassLoader.isShared("dev.outlookflow.uischema.form.Form")).isTrue();
  }

  @Test
  void aPluginsOwnLibrariesComeFromThePluginFirst() {
    assertThat(SharedFirstClassLoader.isShared("com.microsoft.aad.msal4j.ConfidentialClientApplication")).isFalse();
    assertThat(SharedFirstClassLoader.isShared("dev.outlookflow.outlook.OutlookPlugin")).isFalse();
    assertThat(SharedFirstClassLoader.isShared("dev.outlookflow.runtime.FlowRuntime")).isFalse();
  }
}
