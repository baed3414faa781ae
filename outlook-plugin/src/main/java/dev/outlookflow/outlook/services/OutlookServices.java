package dev.outlookflow.outlook.services;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.graph.GraphClient;
import dev.outlookflow.outlook.graph.GraphConcurrency;
import dev.outlookflow.outlook.graph.RetryPolicy;
import dev.outlookflow.plugin.api.PluginEnvironment;
import java.security.SecureRandom;
import org.slf4j.LoggerFactory;

/**
 * What the plugin's extensions share for as long as the plugin runs in one runtime: one token cache and
 * one Graph client (its slots and the waits Graph asks for hold for every step and trigger together), both on
 * the runtime's clock. Made by {@code OutlookPlugin}, one per plugin instance, never held in a static field.
 */
public record OutlookServices(Tokens tokens, GraphClient graph) {

  public static OutlookServices of(PluginEnvironment environment) {
    // Read once per plugin instance, so a wrong setting is logged once, not at every request.
    GraphConcurrency concurrency = GraphConcurrency.from(environment,
        LoggerFactory.getLogger(OutlookServices.class)::warn);
    return new OutlookServices(new Tokens(environment.clock()), new GraphClient(environment,
        new RetryPolicy(new SecureRandom(), environment.clock()), GraphClient.vertxTimer(environment), concurrency));
  }
}
