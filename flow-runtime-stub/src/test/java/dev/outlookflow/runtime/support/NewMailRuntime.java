package dev.outlookflow.runtime.support;

import dev.outlookflow.sandbox.SandboxOptions;
import dev.outlookflow.sandbox.support.RunningSandbox;
import dev.outlookflow.sandbox.tenant.DemoSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged runtime, as a process, with the Outlook plugin and the test plugin, against a sandbox that lives in
 * the test (so it outlives a kill -9 of the runtime), and an app-only connection to the demo user's mailbox.
 */
public final class NewMailRuntime implements AutoCloseable {
  private final Path data;
  private final String[] flags;
  private final RunningSandbox sandbox;
  private RuntimeProcess process;
  private ApiClient api;
  private OutlookTenant tenant;
  private String connection;

  private NewMailRuntime(Path data, String[] flags, RunningSandbox sandbox) {
    this.data = data;
    this.flags = flags;
    this.sandbox = sandbox;
  }

  /** Starts both; {@code pluginSettings} such as {@code outlook.newMail.auditSeconds=2}. */
  public static NewMailRuntime start(Path temp, String... pluginSettings) throws Exception {
    Path plugins = TestPlugins.folderWithTestPlugin(temp);
    Files.copy(OutlookRuntime.pluginZip(), plugins.resolve("outlook.zip"));
    RunningSandbox sandbox = RunningSandbox.start(SandboxOptions.demo());
    List<String> flags = new ArrayList<>(List.of("--plugins-dir", plugins.toString(), "--sandbox-url",
        sandbox.baseUrl()));
    for (String setting : pluginSettings) {
      flags.addAll(List.of("--plugin-setting", setting));
    }
    NewMailRuntime runtime = new NewMailRuntime(temp.resolve("data"), flags.toArray(String[]::new), sandbox);
    runtime.startProcess();
    runtime.connection = runtime.tenant.appOnlyConnection(DemoSeed.USER);
    return runtime;
  }

  private void startProcess() throws IOException {
    process = RuntimeProcess.start(data, flags);
    api = process.api();
    tenant = new OutlookTenant(api, sandbox.baseUrl());
  }

  /** Kills the runtime with SIGKILL and starts it again on the same data; the sandbox stays as it was. */
  public void killAndRestart() throws Exception {
    process.kill9();
    process.close();
    startProcess();
  }

  public ApiClient api() {
    return api;
  }

  public OutlookTenant tenant() {
    return tenant;
  }

  public RuntimeProcess process() {
    return process;
  }

  /** The app-only connection to {@link DemoSeed#USER}'s mailbox. */
  public String connection() {
    return connection;
  }

  @Override
  public void close() throws Exception {
    try {
      process.close();
    } finally {
      sandbox.close();
    }
  }
}
