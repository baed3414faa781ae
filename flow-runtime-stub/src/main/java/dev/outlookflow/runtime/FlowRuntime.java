package dev.outlookflow.runtime;

import dev.outlookflow.runtime.access.AccessService;
import dev.outlookflow.runtime.access.FailedAttempts;
import dev.outlookflow.runtime.access.InstanceKeys;
import dev.outlookflow.runtime.api.ApiServer;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.connections.SignInService;
import dev.outlookflow.runtime.engine.PayloadMemory;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.engine.RunHistory;
import dev.outlookflow.runtime.engine.RunRetention;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.failures.Causes;
import dev.outlookflow.runtime.failures.StartRefused;
import dev.outlookflow.runtime.files.PrivateFiles;
import dev.outlookflow.runtime.flows.ConnectionChanges;
import dev.outlookflow.runtime.flows.ConnectionRemoval;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.flows.FlowValidator;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.PluginHost;
import dev.outlookflow.runtime.plugins.PluginReport;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.runtime.rotation.MasterKeyRotation;
import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.store.AccessStore;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.Database;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.store.RunStore;
import dev.outlookflow.runtime.store.SharedStateStore;
import dev.outlookflow.runtime.store.SignInStore;
import dev.outlookflow.runtime.triggers.ManualTrigger;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import dev.outlookflow.runtime.triggers.schedule.ScheduleTrigger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store and the master key ring, loads the plugins, wires the
 * services, resumes unfinished runs, serves the API and starts the triggers of enabled flows; stops
 * in the reverse order.
 */
public final class FlowRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
  private static final int PLUGIN_WORKERS = 8;
  /** Connections per host for plugins: Vert.x's default of 5 would cap Graph below the 16 a plugin may allow. */
  private static final int PLUGIN_CONNECTIONS_PER_HOST = 32;
  private static final int PLUGIN_CONNECT_MILLIS = 10_000;
  private static final int PLUGIN_IDLE_SECONDS = 60;
  /** Parsing, copying and sealing run payloads: CPU work, so a thread per core (two at least). */
  private static final int PAYLOAD_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Vertx vertx;
  private final Database database;
  private final PluginHost plugins;
  private final RunEngine engine;
  private final RunRetention retention;
  private final TriggerSupervisor triggers;
  private final ApiServer api;
  private final List<WorkerExecutor> workerPools;
  private final Path adminKeyFile;
  private final String baseUrl;
  private final DemoTenant sandbox;

  private FlowRuntime(Vertx vertx, Database database, PluginHost plugins, RunEngine engine, RunRetention retention,
      TriggerSupervisor triggers, ApiServer api, List<WorkerExecutor> workerPools, Path adminKeyFile, String baseUrl,
      DemoTenant sandbox) {
    this.vertx = vertx;
    this.database = database;
    this.plugins = plugins;
    this.engine = engine;
    this.retention = retention;
    this.triggers = triggers;
    this.api = api;
    this.workerPools = workerPools;
    this.adminKeyFile = adminKeyFile;
    this.baseUrl = baseUrl;
    this.sandbox = sandbox;
  }

  /** The parts opened before wiring, in the order they are opened. */
  private record Opened(MasterKeys masterKeys, Database database, DemoTenant sandbox, Environment environment,
      PluginHost host, PluginReport plugins, ExtensionRegistry registry) {}

  /** What plugins are given, made before they load: their extensions are made with it. */
  private record Environment(RuntimeEnvironment services, WorkerExecutor pluginWorkers,
      AtomicReference<String> publicUrl) {

    static Environment of(Vertx vertx, RuntimeConfig config, DemoTenant sandbox) {
      WorkerExecutor pluginWorkers = vertx.createSharedWorkerExecutor("plugin-workers", PLUGIN_WORKERS);
      // Known once the API listens, unless configured: plugins read it when they need it.
      AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(null));
      return new Environment(new RuntimeEnvironment(vertx, WebClient.create(vertx, pluginHttp(), pluginConnections()), pluginWorkers, config.clock(),
          publicUrl::get, sandbox.url(), config.pluginSettings()), pluginWorkers, publicUrl);
    }
  }

  public static Future<FlowRuntime> start(Vertx vertx, RuntimeConfig config) {
    ExtensionRegistry registry = new ExtensionRegistry();
    registry.addBuiltInTrigger(new ManualTrigger());
    registry.addBuiltInTrigger(new ScheduleTrigger());
    return vertx.executeBlocking(() -> {
          PrivateFiles.directory(config.dataDir());
          return MasterKeys.loadOrCreate(config.masterKeyPath());
        })
        .compose(masterKeys -> Database.open(vertx, config.dataDir())
            .compose(database -> DemoTenant.start(vertx, config).compose(sandbox -> {
              Environment environment = Environment.of(vertx, config, sandbox);
              PluginHost host = new PluginHost(config.pluginsDir(), systemVersion(), environment.services());
              return vertx.executeBlocking(() -> {
                // H2 creates its files as the umask says; none is readable beyond the owner-only directory.
                PrivateFiles.restrict(config.dataDir(), FlowRuntime::isOwnFile);
                return host.load(registry);
              }).map(report -> new Opened(masterKeys, database, sandbox, environment, host, report, registry));
            })))
        .compose(opened -> wire(vertx, config, opened));
  }

  private static Future<FlowRuntime> wire(Vertx vertx, RuntimeConfig config, Opened opened) {
    WorkerExecutor pluginWorkers = opened.environment().pluginWorkers();
    AtomicReference<String> publicUrl = opened.environment().publicUrl();
    RuntimeEnvironment environment = opened.environment().services();
    ConnectionStore connectionStore = new ConnectionStore(opened.database());
    RunStore runStore = new RunStore(opened.database());
    Future<MasterKeys> masterKeys = config.rotateMasterKey()
        ? MasterKeyRotation.rotate(vertx, opened.masterKeys(), connectionStore, runStore)
        : Future.succeededFuture(opened.masterKeys());
    AccessStore accessStore = new AccessStore(opened.database());
    AccessService access = new AccessService(accessStore, environment);
    InstanceKeys instanceKeys = new InstanceKeys(accessStore, environment, config.dataDir().resolve("admin-key"));
    return masterKeys.compose(keys -> instanceKeys.ensure().compose(adminKeyFile -> {
      Validators validators = new Validators();
      FlowStore flowStore = new FlowStore(opened.database());
      ConnectionService connections = new ConnectionService(opened.registry(), connectionStore,
          new SharedStateStore(opened.database()), environment, validators, keys);
      SignInService signIns =
          new SignInService(connections, connectionStore, new SignInStore(opened.database()), environment);
      WorkerExecutor payloads = vertx.createSharedWorkerExecutor("payloads", PAYLOAD_WORKERS);
      PayloadMemory payloadMemory = PayloadMemory.ofThisHeap();
      RunEngine engine = new RunEngine(opened.registry(), runStore, connections, validators, keys, environment,
          payloads, payloadMemory, config.maxConcurrentRuns());
      TriggerSupervisor triggers =
          new TriggerSupervisor(opened.registry(), flowStore, connections, engine, environment);
      connections.onChange(new ConnectionChanges(flowStore, triggers, opened.registry()));
      FlowService flows = new FlowService(flowStore, new FlowValidator(opened.registry(), connections, validators),
          triggers, engine, environment);
      RunRetention retention = new RunRetention(runStore, environment, config.runRetention());
      ApiServer api = new ApiServer(vertx, new ApiServer.Services(opened.registry(), opened.plugins(), access,
          instanceKeys, new FailedAttempts(config.clock()), connections, signIns, flows,
          new ConnectionRemoval(flowStore, triggers, opened.registry(), connections), new RunHistory(runStore),
          engine, environment, payloads, payloadMemory));
      return api.listen(config.host(), config.port()).recover(e -> Future.failedFuture(Causes.portTaken(e)
          ? new StartRefused("port " + config.port() + " on " + config.host() + " is in use by another program: "
              + "stop it, or start this runtime with another --port (0 picks a free one)", e)
          : e)).compose(port -> {
        String baseUrl = "http://" + config.host() + ":" + port;
        publicUrl.compareAndSet(null, baseUrl);
        FlowRuntime runtime = new FlowRuntime(vertx, opened.database(), opened.host(), engine, retention,
            triggers, api, List.of(pluginWorkers, payloads), adminKeyFile, baseUrl, opened.sandbox());
        return retention.start()
            .compose(purged -> engine.recover())
            .compose(resumed -> triggers.startEnabled())
            .map(runtime);
      });
    }));
  }

  /** Stops triggers and new work, closes the API, stops plugins and closes the store. */
  public Future<Void> stop() {
    retention.stop();
    return triggers.stopAll()
        .onComplete(v -> engine.stop())
        .compose(v -> api.close())
        .compose(v -> sandbox.stop())
        .compose(v -> vertx.executeBlocking(() -> {
          plugins.stop();
          database.close();
          return null;
        }))
        .onComplete(v -> workerPools.forEach(WorkerExecutor::close))
        .onSuccess(v -> LOG.info("flow runtime stopped"))
        .mapEmpty();
  }

  /** The runtime's own files in its data directory: H2's ({@code runtime.*}) and the key files. */
  private static boolean isOwnFile(String name) {
    return name.startsWith("runtime.") || name.startsWith("admin-key") || name.startsWith("master-key")
        || name.equals(DemoTenant.PORT_FILE);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Where the sandbox answers, when the runtime runs with one. */
  public Optional<String> sandboxUrl() {
    return sandbox.url();
  }

  public Path adminKeyFile() {
    return adminKeyFile;
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

  /**
   * A peer that stops answering fails the request after a minute without a byte (a Graph round, a step), rather
   * than hold it, and whatever waits on it, for ever.
   */
  private static WebClientOptions pluginHttp() {
    return new WebClientOptions().setConnectTimeout(PLUGIN_CONNECT_MILLIS).setIdleTimeout(PLUGIN_IDLE_SECONDS);
  }

  private static PoolOptions pluginConnections() {
    return new PoolOptions().setHttp1MaxSize(PLUGIN_CONNECTIONS_PER_HOST);
  }
}
