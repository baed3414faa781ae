package dev.outlookflow.outlook.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import java.net.MalformedURLException;

/**
 * One msal4j application per connection and call, its token cache loaded from and saved to the
 * connection's encrypted blob store: nothing of a connection lives only in memory.
 */
final class MsalApps {
  private MsalApps() {}

  /** Blocking (worker thread): an application with the given serialized cache, or an empty one. */
  static ConfidentialClientApplication build(ConnectionSettings settings, String cache) throws MalformedURLException {
    ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
        .builder(settings.clientId(), ClientCredentialFactory.createFromSecret(settings.clientSecret()))
        .authority(settings.authority())
        .executorService(new CallerRunsExecutor());
    if (settings.profile().cloud() == Cloud.SANDBOX) {
      // The sandbox is where its browsers sign in: msal4j's fixed authority host is routed there.
      builder.instanceDiscovery(false).httpClient(new SandboxHttpClient(settings.profile().signInBase()));
    }
    ConfidentialClientApplication app = builder.build();
    if (cache != null) {
      app.tokenCache().deserialize(cache);
    }
    return app;
  }
}
