package dev.outlookflow.outlook.services;

import dev.outlookflow.outlook.auth.Tokens;
import dev.outlookflow.outlook.graph.GraphClient;
import dev.outlookflow.outlook.graph.RetryPolicy;
import dev.outlookflow.plugin.api.PluginEnvironment;
import java.security.SecureRandom;

/**
 * What the plugin's extensions share for as long as the plugin runs in one runtime: one token cache and
 * one Graph client (its per-mailbox slots hold for every step and trigger together), both on the
 * runtime's clock. Made by {@code OutlookPlugin}, one per plugin instance, never held in a static field.
 */
public record OutlookServices(Tokens tokens, GraphClient graph) {

  public static OutlookServices of(PluginEnvironment environment) {
    return new OutlookServices(new Tokens(environment.clock()), new GraphClient(environment,
        new RetryPolicy(new SecureRandom(), environment.clock()), GraphClient.vertxTimer(environment)));
  }
}
