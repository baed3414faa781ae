package dev.outlookflow.outlook.settings;

import java.util.Optional;

/**
 * A connection's cloud as this runtime reaches it: where Graph answers, where browsers sign in, the
 * authority msal4j asks and how Graph scopes are named there. The Sandbox cloud answers at the runtime's
 * sandbox, so its addresses are only known here, not in {@link Cloud}'s table.
 *
 * @param graphBaseUrl Graph's v1.0 base URL, whose origin is the only place the connection's tokens go;
 *     null for the Sandbox cloud in a runtime without a sandbox (its tokens are refused before any call)
 * @param signInBase where the browser signs in; for the Sandbox cloud also where msal4j's requests go;
 *     null when {@code graphBaseUrl} is
 */
public record CloudProfile(Cloud cloud, String graphBaseUrl, String signInBase) {

  public static CloudProfile of(Cloud cloud, Optional<String> sandboxUrl) {
    if (cloud == Cloud.SANDBOX && sandboxUrl.isEmpty()) {
      return new CloudProfile(cloud, null, null);
    }
    String sandbox = sandboxUrl.orElse(null);
    return new CloudProfile(cloud, cloud.graphBaseUrl(sandbox), cloud.signInBase(sandbox));
  }

  /** The msal4j authority for a tenant: https, no port, trailing slash. */
  public String authority(String tenant) {
    return cloud.authority(tenant);
  }

  /** A Graph permission as this cloud's scope, e.g. {@code https://graph.microsoft.us/Mail.Send}. */
  public String scope(String permission) {
    return cloud.scope(permission);
  }

  /** The scope of an app-only token: every application permission granted to the app. */
  public String appOnlyScope() {
    return cloud.appOnlyScope();
  }
}
