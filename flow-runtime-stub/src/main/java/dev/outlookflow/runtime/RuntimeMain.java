package dev.outlookflow.runtime;

import dev.outlookflow.runtime.failures.StartRefused;
import dev.outlookflow.runtime.json.JsonLimits;
import io.vertx.core.Vertx;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code java -jar flow-runtime-stub.jar [--port N] [--host H] [--data-dir D] [--plugins-dir P]
 * [--public-url U] [--master-key-file F] [--run-retention-days N] [--max-concurrent-runs N]
 * [--rotate-master-key] [--sandbox | --sandbox-url U | --no-sandbox] [--plugin-setting name=value ...]}; each flag with a value
 * but {@code --plugin-setting} can also be set by an environment variable (see {@link #FLAGS}).
 */
public final class RuntimeMain {
  private static final Map<String, String> FLAGS = Map.of(
      "--port", "FLOW_PORT",
      "--host", "FLOW_HOST",
      "--data-dir", "FLOW_DATA_DIR",
      "--plugins-dir", "FLOW_PLUGINS_DIR",
      "--public-url", "FLOW_PUBLIC_URL",
      "--master-key-file", "FLOW_MASTER_KEY_FILE",
      "--run-retention-days", "FLOW_RUN_RETENTION_DAYS",
      "--max-concurrent-runs", "FLOW_MAX_CONCURRENT_RUNS",
      "--sandbox-url", "FLOW_SANDBOX_URL");
  private static final String ROTATE = "--rotate-master-key";
  private static final String PLUGIN_SETTING = "--plugin-setting";
  private static final int MAX_PLUGIN_SETTINGS = 100;
  /** Each run executing holds its payload and a share of the store's workers: beyond this, they only wait. */
  private static final int MAX_CONCURRENT_RUNS = 1_000;
  private static final int MAX_SETTING_NAME = 100;
  private static final int MAX_SETTING_VALUE = 1_000;
  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_SETTING_NAME + "}");
  private static final String USAGE = "usage: java -jar flow-runtime-stub.jar [--port 8080] [--host 127.0.0.1] "
      + "[--data-dir ./data] [--plugins-dir <jar folder>/plugins] [--public-url http://...] "
      + "[--master-key-file <data dir>/master-key] [--run-retention-days 30] [--max-concurrent-runs 16] [--rotate-master-key] "
      + "[--sandbox | --sandbox-url http://... | --no-sandbox] [--plugin-setting name=value ...] [--help | -h]\n"
      + "Each flag with a value but --plugin-setting can also be set by an environment variable (see the README's "
      + "Runtime flags).";
  private static final String SANDBOX = "--sandbox";
  private static final String NO_SANDBOX = "--no-sandbox";

  private RuntimeMain() {}

  public static void main(String[] args) throws Exception {
    JsonLimits.apply();
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    RuntimeConfig config;
    try {
      config = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    FlowRuntime runtime;
    try {
      runtime = FlowRuntime.start(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("flow runtime could not start: " + StartRefused.sentenceOf(e));
      vertx.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runtime.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("flow runtime did not stop cleanly: " + StartRefused.sentenceOf(e));
      }
    }, "shutdown"));
    System.out.println("admin key file: " + runtime.adminKeyFile().toAbsolutePath());
    runtime.sandboxUrl().ifPresent(url -> System.out.println("m365 sandbox (a demo tenant, not Microsoft 365) at "
        + url + ": sign in as the demo users listed in the README"));
    if (!config.loopbackOnly() && config.sandbox() instanceof SandboxChoice.Embedded) {
      System.out.println("the m365 sandbox listens on 127.0.0.1 only: its sign-in pages reach only browsers on "
          + "this machine");
    } else if (!config.loopbackOnly() && config.sandbox() instanceof SandboxChoice.None && !Arrays.asList(args).contains(NO_SANDBOX)) {
      System.out.println("no m365 sandbox: the runtime listens beyond this machine (--host " + config.host()
          + "); give --sandbox to run one anyway, on 127.0.0.1 only");
    }
    System.out.println("flow runtime listening on " + runtime.baseUrl());
  }

  static RuntimeConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new java.util.HashMap<>();
    FLAGS.forEach((flag, variable) -> {
      if (env.get(variable) != null) {
        values.put(flag, env.get(variable));
      }
    });
    boolean rotate = false;
    Boolean sandboxFlag = null;
    Map<String, String> pluginSettings = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(ROTATE)) {
        rotate = true;
        continue;
      }
      if (args[i].equals(PLUGIN_SETTING)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(PLUGIN_SETTING + " needs name=value, such as " + PLUGIN_SETTING
              + " outlook.graphConcurrency=app");
        }
        addPluginSetting(pluginSettings, args[++i]);
        continue;
      }
      if (args[i].equals(SANDBOX) || args[i].equals(NO_SANDBOX)) {
        sandboxFlag = args[i].equals(SANDBOX);
        continue;
      }
      if (!FLAGS.containsKey(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown flag or missing value: " + args[i]);
      }
      values.put(args[i], args[++i]);
    }
    int port;
    try {
      port = Integer.parseInt(values.getOrDefault("--port", "8080"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number from 0 to 65535");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be a number from 0 to 65535");
    }
    String host = values.getOrDefault("--host", "127.0.0.1");
    return new RuntimeConfig(
        host,
        port,
        Path.of(values.getOrDefault("--data-dir", "data")),
        values.containsKey("--plugins-dir") ? Path.of(values.get("--plugins-dir")) : defaultPluginsDir(),
        Optional.ofNullable(values.get("--public-url")).map(u -> u.replaceAll("/+$", "")),
        Optional.ofNullable(values.get("--master-key-file")).map(Path::of),
        rotate,
        retention(values.get("--run-retention-days")),
        maxConcurrentRuns(values.get("--max-concurrent-runs")),
        sandbox(sandboxFlag, values.get("--sandbox-url"), host),
        pluginSettings,
        Clock.systemUTC());
  }

  /**
   * A {@code --plugin-setting name=value}: at most 100 of them, each name given once, 1 to 100 letters,
   * digits, dots, underscores and dashes, its value up to 1,000 characters (after the first {@code =}).
   */
  private static void addPluginSetting(Map<String, String> settings, String given) {
    if (settings.size() == MAX_PLUGIN_SETTINGS) {
      throw new IllegalArgumentException("at most " + MAX_PLUGIN_SETTINGS + " " + PLUGIN_SETTING + " flags may be "
          + "given: drop the ones no plugin reads");
    }
    int equals = given.indexOf('=');
    String name = equals < 0 ? given : given.substring(0, equals);
    if (!SETTING_NAME.matcher(name).matches()) {
      String shown = name.length() > MAX_SETTING_NAME ? name.substring(0, MAX_SETTING_NAME) + "…" : name;
      throw new IllegalArgumentException(PLUGIN_SETTING + " '" + shown + "': a setting's name is 1 to "
          + MAX_SETTING_NAME + " letters, digits, '.', '_' and '-'; write it as " + PLUGIN_SETTING + " name=value");
    }
    if (equals < 0) {
      throw new IllegalArgumentException(PLUGIN_SETTING + " " + name + " has no value: write it as "
          + PLUGIN_SETTING + " " + name + "=value");
    }
    String value = given.substring(equals + 1);
    if (value.length() > MAX_SETTING_VALUE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s: its value is %,d characters; a setting's "
          + "value is at most %,d", PLUGIN_SETTING, name, value.length(), MAX_SETTING_VALUE));
    }
    if (settings.putIfAbsent(name, value) != null) {
      throw new IllegalArgumentException(PLUGIN_SETTING + " " + name + " is given twice: give it once");
    }
  }

  /**
   * The embedded sandbox hands out its demo app's secret and everyone's mail to whoever reaches it, so
   * it listens on loopback only; a runtime that listens beyond this machine starts it only when told.
   */
  private static SandboxChoice sandbox(Boolean flag, String url, String host) {
    if (Boolean.FALSE.equals(flag)) {
      return new SandboxChoice.None();
    }
    if (url != null) {
      return new SandboxChoice.External(url.replaceAll("/+$", ""));
    }
    return Boolean.TRUE.equals(flag) || RuntimeConfig.isLoopback(host) ? new SandboxChoice.Embedded()
        : new SandboxChoice.None();
  }

  private static Duration retention(String days) {
    if (days == null) {
      return RuntimeConfig.DEFAULT_RETENTION;
    }
    try {
      int value = Integer.parseInt(days);
      if (value >= 1 && value <= 3650) {
        return Duration.ofDays(value);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("--run-retention-days must be a whole number from 1 to 3650");
  }

  private static int maxConcurrentRuns(String given) {
    if (given == null) {
      return RuntimeConfig.DEFAULT_MAX_CONCURRENT_RUNS;
    }
    try {
      int value = Integer.parseInt(given);
      if (value >= 1 && value <= MAX_CONCURRENT_RUNS) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("--max-concurrent-runs must be a whole number from 1 to " + MAX_CONCURRENT_RUNS);
  }

  /** {@code plugins/} beside the runtime's jar; beside the working directory otherwise. */
  private static Path defaultPluginsDir() {
    try {
      Path location = Path.of(RuntimeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) ? location.resolveSibling("plugins") : Path.of("plugins");
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("plugins");
    }
  }
}
