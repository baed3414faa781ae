package dev.outlookflow.runtime;

import dev.outlookflow.runtime.api.AdminKey;
import dev.outlookflow.runtime.api.ApiServer;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.flows.FlowValidator;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.PluginHost;
import dev.outlookflow.runtime.plugins.PluginReport;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.Database;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.store.RunStore;
import dev.outlookflow.runtime.triggers.ManualTrigger;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store, loads the plugins, wires the services, resumes unfinished
 * runs, serves the API and starts the triggers of enabled flows; stops in the reverse order.
 */
public final class FlowRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
  private static final int PLUGIN_WORKERS = 8;

  private final Vertx vertx;
  private final Database database;
  private final PluginHost plugins;
  private final PluginReport pluginReport;
  private final RunEngine engine;
  private final TriggerSupervisor triggers;
  private final ApiServer api;
  private final WorkerExecutor pluginWorkers;
  private final AdminKey adminKey;
  private final String baseUrl;

  private FlowRuntime(Vertx vertx, Database database, PluginHost plugins, PluginReport pluginReport,
      RunEngine engine, TriggerSupervisor triggers, ApiServer api, WorkerExecutor pluginWorkers,
      AdminKey adminKey, String baseUrl) {
    this.vertx = vertx;
    this.database = database;
    this.plugins = plugins;
    this.pluginReport = pluginReport;
    this.engine = engine;
    this.triggers = triggers;
    this.api = api;
    this.pluginWorkers = pluginWorkers;
    this.adminKey = adminKey;
    this.baseUrl = baseUrl;
  }

  public static Future<FlowRuntime> start(Vertx vertx, RuntimeConfig config) {
    WorkerExecutor pluginWorkers = vertx.createSharedWorkerExecutor("plugin-workers", PLUGIN_WORKERS);
    PluginHost host = new PluginHost(config.pluginsDir(), systemVersion());
    ExtensionRegistry registry = new ExtensionRegistry();
    registry.addBuiltInTrigger(new ManualTrigger());
    return vertx.executeBlocking(() -> {
          Files.createDirectories(config.dataDir());
          return AdminKey.loadOrCreate(config.dataDir());
        })
        .compose(adminKey -> Database.open(vertx, config.dataDir()).compose(database -> vertx
            .executeBlocking(() -> host.load(registry))
            .compose(report -> wire(vertx, config, registry, host, report, database, adminKey, pluginWorkers))));
  }

  private static Future<FlowRuntime> wire(Vertx vertx, RuntimeConfig config, ExtensionRegistry registry,
      PluginHost host, PluginReport report, Database database, AdminKey adminKey, WorkerExecutor pluginWorkers) {
    AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(null));
    RuntimeEnvironment environment = new RuntimeEnvironment(vertx, WebClient.create(vertx), pluginWorkers,
        config.clock(), publicUrl::get, java.util.Optional.empty());
    Validators validators = new Validators();
    ConnectionStore connectionStore = new ConnectionStore(database);
    FlowStore flowStore = new FlowStore(database);
    RunStore runStore = new RunStore(database);
    ConnectionService connections = new ConnectionService(registry, connectionStore, environment, validators);
    SignInService signIns = new SignInService(connections, connectionStore, environment);
    RunEngine engine = new RunEngine(registry, runStore, connections, validators, environment);
    TriggerSupervisor triggers = new TriggerSupervisor(registry, flowStore, connections, engine, environment);
    FlowService flows = new FlowService(flowStore,
        new FlowValidator(registry, connections, validators), triggers, engine, environment);
    ApiServer api = new ApiServer(vertx, new ApiServer.Services(registry, report, connections, signIns,
        flows, runStore, adminKey, environment));
    return api.listen(config.host(), config.port()).compose(port -> {
      String baseUrl = "http://" + config.host() + ":" + port;
      publicUrl.compareAndSet(null, baseUrl);
      FlowRuntime runtime = new FlowRuntime(vertx, database, host, report, engine, triggers, api,
          pluginWorkers, adminKey, baseUrl);
      return engine.recover().compose(resumed -> triggers.startEnabled()).map(runtime);
    });
  }

  /** Stops triggers and new work, closes the API, stops plugins and closes the store. */
  public Future<Void> stop() {
    return triggers.stopAll()
        .onComplete(v -> engine.stop())
        .compose(v -> api.close())
        .compose(v -> vertx.executeBlocking(() -> {
          plugins.stop();
          database.close();
          return null;
        }))
        .onComplete(v -> pluginWorkers.close())
        .onSuccess(v -> LOG.info("flow runtime stopped"))
        .mapEmpty();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public AdminKey adminKey() {
    return adminKey;
  }

  public PluginReport plugins() {
    return pluginReport;
  }

  static String systemVersion() {
    try (InputStream in = FlowRuntime.class.getResourceAsStream("/runtime.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("plugin.api.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
