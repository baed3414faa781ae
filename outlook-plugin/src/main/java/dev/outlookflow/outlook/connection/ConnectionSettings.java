package dev.outlookflow.outlook.connection;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A connection's properties, read once: the app registration's values and what it may touch. */
public record ConnectionSettings(
    Cloud cloud,
    AuthMode mode,
    String tenantId,
    String clientId,
    String clientSecret,
    String bearerToken,
    String mailbox,
    List<String> allowedMailboxes,
    boolean sharedMailboxesOnly) {

  private static final List<String> DELEGATED = List.of("User.Read", "Mail.ReadWrite", "Mail.Send",
      "Mail.ReadWrite.Shared", "Mail.Send.Shared");
  private static final List<String> SHARED_ONLY = List.of("User.Read", "Mail.Read.Shared", "Mail.ReadWrite.Shared",
      "Mail.Send.Shared");

  public static ConnectionSettings of(JsonObject properties) {
    List<String> allowed = new ArrayList<>();
    properties.getJsonArray("allowedMailboxes", new JsonArray()).forEach(a -> allowed.add(String.valueOf(a)));
    return new ConnectionSettings(
        Cloud.of(properties.getString("cloud", "global")),
        AuthMode.valueOf(properties.getString("authMode", "authorization_code_pkce").toUpperCase(java.util.Locale.ROOT)),
        blankToNull(properties.getString("tenantId")),
        blankToNull(properties.getString("clientId")),
        blankToNull(properties.getString("clientSecret")),
        blankToNull(properties.getString("bearerToken")),
        blankToNull(properties.getString("mailbox")),
        List.copyOf(allowed),
        properties.getBoolean("sharedMailboxesOnly", false));
  }

  /** The same settings with the sandbox demo app's registration where the form left it empty. */
  public ConnectionSettings withAppDefaults(String tenant, String client, String secret) {
    return new ConnectionSettings(cloud, mode, tenantId == null ? tenant : tenantId, clientId == null ? client : clientId,
        clientSecret == null ? secret : clientSecret, bearerToken, mailbox, allowedMailboxes, sharedMailboxesOnly);
  }

  /** Delegated scopes: the mail ones for one's own and shared mailboxes, or shared ones only. */
  public List<String> delegatedScopes() {
    List<String> scopes = new ArrayList<>();
    (sharedMailboxesOnly ? SHARED_ONLY : DELEGATED).forEach(p -> scopes.add(cloud.scope(p)));
    scopes.add("offline_access");
    return scopes;
  }

  public boolean needsAppRegistration() {
    return mode != AuthMode.BEARER_TOKEN && cloud != Cloud.SANDBOX;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
