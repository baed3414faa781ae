package dev.outlookflow.outlook.settings;

import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection's properties, read once per use of it (a step, a test, a token): the app registration's
 * values, what it may touch, and its cloud as this runtime reaches it.
 */
public record ConnectionSettings(
    CloudProfile profile,
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

  /** The stored connection's settings, its cloud resolved for the runtime it runs in. */
  public static ConnectionSettings of(ConnectionHandle connection) {
    return of(connection.properties(OutlookConnectionProperties.class), connection.environment().sandboxBaseUrl());
  }

  public static ConnectionSettings of(OutlookConnectionProperties properties, Optional<String> sandboxUrl) {
    return new ConnectionSettings(
        CloudProfile.of(properties.cloud(), sandboxUrl),
        properties.authMode(),
        blankToNull(properties.tenantId()),
        blankToNull(properties.clientId()),
        blankToNull(properties.clientSecret()),
        blankToNull(properties.bearerToken()),
        blankToNull(properties.mailbox()),
        properties.allowedMailboxes(),
        properties.sharedMailboxesOnly());
  }

  /** The same settings with the sandbox demo app's registration where the form left it empty. */
  public ConnectionSettings withAppDefaults(String tenant, String client, String secret) {
    return new ConnectionSettings(profile, mode, tenantId == null ? tenant : tenantId,
        clientId == null ? client : clientId, clientSecret == null ? secret : clientSecret, bearerToken, mailbox,
        allowedMailboxes, sharedMailboxesOnly);
  }

  /** Delegated scopes: the mail ones for one's own and shared mailboxes, or shared ones only. */
  public List<String> delegatedScopes() {
    List<String> scopes = new ArrayList<>();
    (sharedMailboxesOnly ? SHARED_ONLY : DELEGATED).forEach(p -> scopes.add(profile.scope(p)));
    scopes.add("offline_access");
    return scopes;
  }

  /** The msal4j authority of the connection's tenant in its cloud. */
  public String authority() {
    return profile.authority(tenantId);
  }

  public boolean needsAppRegistration() {
    return mode != AuthMode.BEARER_TOKEN && profile.cloud() != Cloud.SANDBOX;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
