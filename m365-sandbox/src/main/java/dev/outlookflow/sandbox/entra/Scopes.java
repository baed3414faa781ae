package dev.outlookflow.sandbox.entra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A requested {@code scope} parameter: OIDC scopes apart, resource scopes as Graph permission names.
 * Graph is the only resource the sandbox serves, named as Entra accepts it.
 */
public record Scopes(List<String> requested, List<String> graphPermissions, boolean offlineAccess, boolean openId,
    boolean defaultScope) {

  public static final String GRAPH = "https://graph.microsoft.com";
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

  /** Parses, or names the first scope that is not a Graph one. */
  public static Scopes parse(String text, List<String> unknown) {
    List<String> requested = new ArrayList<>();
    List<String> permissions = new ArrayList<>();
    boolean offline = false;
    boolean openId = false;
    boolean defaultScope = false;
    for (String scope : text == null ? new String[0] : text.trim().split("\\s+")) {
      if (scope.isEmpty()) {
        continue;
      }
      String lower = scope.toLowerCase(Locale.ROOT);
      if (OIDC.contains(lower)) {
        offline |= lower.equals("offline_access");
        openId |= lower.equals("openid");
        continue;
      }
      Optional<String> permission = graphPermission(scope);
      if (permission.isEmpty()) {
        unknown.add(scope);
        continue;
      }
      requested.add(scope);
      if (permission.get().equals(".default")) {
        defaultScope = true;
      } else {
        permissions.add(permission.get());
      }
    }
    return new Scopes(requested, permissions, offline, openId, defaultScope);
  }

  private static Optional<String> graphPermission(String scope) {
    for (String resource : List.of(GRAPH + "/", GRAPH_APP_ID + "/")) {
      if (scope.regionMatches(true, 0, resource, 0, resource.length())) {
        return Optional.of(scope.substring(resource.length()));
      }
    }
    return scope.contains("/") || scope.contains(":") ? Optional.empty() : Optional.of(scope);
  }
}
