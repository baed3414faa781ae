package dev.outlookflow.outlook.graph;

import dev.outlookflow.plugin.api.PluginEnvironment;
import java.security.SecureRandom;
import java.util.Map;
import java.util.WeakHashMap;

/** The one Graph client of the plugin per runtime environment, shared by connection, actions and triggers. */
public final class Graph {
  private static final Map<PluginEnvironment, GraphClient> CLIENTS = new WeakHashMap<>();

  private Graph() {}

  public static synchronized GraphClient client(PluginEnvironment env) {
    return CLIENTS.computeIfAbsent(env, e -> new GraphClient(e, new RetryPolicy(new SecureRandom(), e.clock()),
        GraphClient.vertxTimer(e)));
  }
}
