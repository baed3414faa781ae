package dev.outlookflow.outlook.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import dev.outlookflow.outlook.connection.Cloud;
import dev.outlookflow.outlook.connection.ConnectionSettings;
import java.net.MalformedURLException;

/**
 * One msal4j application per connection and call, its token cache loaded from and saved to the
 * connection's encrypted blob store: nothing of a connection lives only in memory.
 */
final class MsalApps {
  private MsalApps() {}

  /** Blocking (worker thread): an application with the given serialized cache, or an empty one. */
  static ConfidentialClientApplication build(ConnectionSettings settings, String sandboxUrl, String cache)
      throws MalformedURLException {
    ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
        .builder(settings.clientId(), ClientCredentialFactory.createFromSecret(settings.clientSecret()))
        .authority(settings.cloud().authority(settings.tenantId()))
        .executorService(new CallerRunsExecutor());
    if (settings.cloud() == Cloud.SANDBOX) {
      builder.instanceDiscovery(false).httpClient(new SandboxHttpClient(sandboxUrl));
    }
    ConfidentialClientApplication app = builder.build();
    if (cache != null) {
      app.tokenCache().deserialize(cache);
    }
    return app;
  }
}
