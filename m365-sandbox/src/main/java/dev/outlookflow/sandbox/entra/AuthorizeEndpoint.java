package dev.outlookflow.sandbox.entra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.outlookflow.sandbox.state.Grants;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize} as a browser sees it: a sign-in page (user name and
 * password), then a consent page, a "Need admin approval" page, or the way back to the app with a
 * code (query or form_post).
 */
public final class AuthorizeEndpoint {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  /** From the sign-in page to the code: a sign-in left longer is forgotten (its page says it expired). */
  static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(15);
  /**
   * Sign-ins under way at once. Anyone may open the sign-in page, so the pending ones are bounded: past the
   * bound the cache drops sign-ins of its choosing (Caffeine keeps entries by how often they are used, not by
   * age), and a dropped sign-in's page says it expired. Reaching it takes over eleven sign-ins a second left
   * unfinished for fifteen minutes.
   */
  static final int MAX_PENDING_SIGN_INS = 10_000;

  private final Directory directory;
  private final SandboxState state;
  private final Cache<String, Pending> pending;

  private record Pending(AuthorizeRequest request, String tenantId, String userId) {}

  public AuthorizeEndpoint(Directory directory, SandboxState state) {
    this.directory = directory;
    this.state = state;
    this.pending = Caffeine.newBuilder()
        .maximumSize(MAX_PENDING_SIGN_INS)
        // Each sign-in is forgotten when its request expires, by the sandbox's clock (which the control API
        // moves); signing in keeps that deadline, it does not extend it.
        .expireAfter(Expiry.<String, Pending>writing((flow, signIn) ->
            Duration.ofMillis(Math.max(0, signIn.request().expiresAt() - state.clock().millis()))))
        .ticker(state.clock().ticker())
        // Eviction and expiry run on the calling thread: cheap for a map this size, and nothing left to race.
        .executor(Runnable::run)
        .build();
  }

  /** Sign-ins under way (expired ones removed first). */
  long pendingSignIns() {
    pending.cleanUp();
    return pending.estimatedSize();
  }

  public AuthorizeReply start(String tenantPath, MultiMap query, String basePath) {
    AuthorizeRequest request = AuthorizeRequest.of(tenantPath, query,
        state.clock().millis() + SIGN_IN_LIFETIME.toMillis());
    if (!Directory.isMultiTenantAlias(tenantPath) && directory.tenant(tenantPath).isEmpty()) {
      return errorPage(Aadsts.TENANT_NOT_FOUND, tenantPath);
    }
    if (request.clientId() == null) {
      return errorPage(Aadsts.MISSING_PARAMETER, "client_id");
    }
    Optional<Seed.App> app = anyApp(tenantPath, request.clientId());
    if (app.isEmpty()) {
      return errorPage(Aadsts.UNKNOWN_CLIENT, request.clientId(), tenantPath);
    }
    if (!RedirectUris.registered(app.get().redirectUris(), request.redirectUri())) {
      return errorPage(Aadsts.REDIRECT_URI_MISMATCH, request.redirectUri(), app.get().clientId());
    }
    if (!"code".equals(query.get("response_type"))) {
      return back(request, Map.of("error", "unsupported_response_type",
          "error_description", "AADSTS700054: response_type '" + query.get("response_type") + "' is not enabled."));
    }
    List<String> unknown = new ArrayList<>();
    Scopes.parse(request.scope(), unknown);
    if (!unknown.isEmpty()) {
      return back(request, Map.of("error", "invalid_scope", "error_description",
          Aadsts.INVALID_SCOPE.describe(unknown.get(0))));
    }
    if ("none".equals(request.prompt())) {
      return back(request, Map.of("error", "login_required", "error_description",
          "AADSTS50058: A silent sign-in request was sent but no user is signed in."));
    }
    String flow = UUID.randomUUID().toString();
    pending.put(flow, new Pending(request, null, null));
    return signInPage(flow, request.loginHint(), null, basePath);
  }

  public AuthorizeReply signIn(MultiMap form, String basePath) {
    Pending flow = flow(form.get("flow"));
    if (flow == null) {
      return expired();
    }
    AuthorizeRequest request = flow.request();
    String login = form.get("login") == null ? "" : form.get("login").trim();
    Optional<Seed.Tenant> userTenant = directory.tenantOfUser(login);
    Optional<Seed.User> user = userTenant.flatMap(t -> t.user(login));
    if (user.isEmpty()) {
      return signInPage(form.get("flow"), login, "AADSTS50034: The user account " + login
          + " does not exist in the directory. To sign into this application, the account must be added to the "
          + "directory.", basePath);
    }
    Seed.Tenant tenant = userTenant.get();
    if (!Directory.isMultiTenantAlias(request.tenantPath())
        && !directory.tenant(request.tenantPath()).orElseThrow().id().equals(tenant.id())) {
      Seed.App app = anyApp(request.tenantPath(), request.clientId()).orElseThrow();
      return errorPage(Aadsts.USER_NOT_IN_TENANT, login, request.tenantPath(), app.displayName(), app.clientId());
    }
    if (!user.get().password().equals(form.get("password"))) {
      return signInPage(form.get("flow"), login, Aadsts.INVALID_PASSWORD.describe(), basePath);
    }
    Optional<Seed.App> app = tenant.app(request.clientId());
    if (app.isEmpty()) {
      return errorPage(Aadsts.UNKNOWN_CLIENT, request.clientId(), tenant.id());
    }
    Pending signedIn = new Pending(request, tenant.id(), user.get().id());
    pending.put(form.get("flow"), signedIn);
    return afterSignIn(form.get("flow"), signedIn, tenant, app.get(), user.get(), basePath);
  }

  public AuthorizeReply consent(MultiMap form) {
    Pending flow = flow(form.get("flow"));
    if (flow == null || flow.userId() == null) {
      return expired();
    }
    pending.invalidate(form.get("flow"));
    AuthorizeRequest request = flow.request();
    Seed.Tenant tenant = directory.tenant(flow.tenantId()).orElseThrow();
    Seed.App app = tenant.app(request.clientId()).orElseThrow();
    Seed.User user = tenant.user(flow.userId()).orElseThrow();
    if (!"accept".equals(form.get("action"))) {
      return back(request, Map.of("error", "access_denied", "error_description",
          "AADSTS65004: User declined to consent to access the app."));
    }
    List<String> permissions = permissions(request);
    if (user.admin() && "on".equals(form.get("consent_for_organization"))) {
      state.setAdminConsent(tenant.id(), app.clientId(), true);
    } else if (user.admin() || directory.usersMayConsent(tenant)) {
      state.addUserConsent(tenant.id(), app.clientId(), user.id(), permissions);
    } else {
      return errorPage(Aadsts.ADMIN_CONSENT_REQUIRED);
    }
    return success(request, tenant, app, user);
  }

  private AuthorizeReply afterSignIn(String flowId, Pending flow, Seed.Tenant tenant, Seed.App app, Seed.User user,
      String basePath) {
    AuthorizeRequest request = flow.request();
    List<String> permissions = permissions(request);
    if (directory.consented(tenant, app, user, permissions) && !"consent".equals(request.prompt())) {
      pending.invalidate(flowId);
      return success(request, tenant, app, user);
    }
    if (user.admin() || directory.usersMayConsent(tenant)) {
      return consentPage(flowId, app, user, permissions, basePath);
    }
    pending.invalidate(flowId);
    return approvalPage(request, app);
  }

  private AuthorizeReply success(AuthorizeRequest request, Seed.Tenant tenant, Seed.App app, Seed.User user) {
    String code = TokenIssuer.newOpaqueToken();
    long now = state.clock().millis();
    state.putCode(code, new Grants.Code(tenant.id(), app.clientId(), user.id(), List.of(request.scope().split("\\s+")),
        request.redirectUri(), request.codeChallenge(), request.codeChallengeMethod(), request.nonce(), now,
        now + CODE_LIFETIME.toMillis(), false));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", code);
    if (request.state() != null) {
      fields.put("state", request.state());
    }
    fields.put("session_state", UUID.nameUUIDFromBytes(user.id().getBytes()).toString());
    return back(request, fields);
  }

  /** Back to the application: a 302 with a query, or the form Entra posts for form_post. */
  private static AuthorizeReply back(AuthorizeRequest request, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (request.state() != null) {
      all.putIfAbsent("state", request.state());
    }
    if ("form_post".equals(request.responseMode())) {
      return new AuthorizeReply.Page(200, Html.formPost(request.redirectUri(), all));
    }
    StringBuilder url = new StringBuilder(request.redirectUri());
    char separator = request.redirectUri().contains("?") ? '&' : '?';
    for (Map.Entry<String, String> field : all.entrySet()) {
      url.append(separator).append(encode(field.getKey())).append('=').append(encode(field.getValue()));
      separator = '&';
    }
    return new AuthorizeReply.Redirect(url.toString());
  }

  private AuthorizeReply signInPage(String flow, String login, String error, String basePath) {
    String body = (error == null ? "" : "<p class=\"error\" id=\"error\">" + Html.escape(error) + "</p>")
        + "<form method=\"POST\" action=\"" + Html.escape(basePath) + "/signin\">"
        + Html.hidden(Map.of("flow", flow))
        + "<label for=\"login\">Email or user name</label><input id=\"login\" name=\"login\" type=\"email\" value=\""
        + Html.escape(login) + "\"><label for=\"password\">Password</label>"
        + "<input id=\"password\" name=\"password\" type=\"password\"><button type=\"submit\">Sign in</button></form>"
        + "<p>Demo users are listed in the sandbox README.</p>";
    return new AuthorizeReply.Page(error == null ? 200 : 400, Html.page("Sign in", body));
  }

  private AuthorizeReply consentPage(String flow, Seed.App app, Seed.User user, List<String> permissions,
      String basePath) {
    StringBuilder list = new StringBuilder("<ul>");
    permissions.forEach(p -> list.append("<li>").append(Html.escape(p)).append("</li>"));
    list.append("</ul>");
    String organization = user.admin()
        ? "<label><input type=\"checkbox\" name=\"consent_for_organization\">Consent on behalf of your organization"
            + "</label>"
        : "";
    String body = "<p>" + Html.escape(app.displayName()) + " wants to:</p>" + list
        + "<form method=\"POST\" action=\"" + Html.escape(basePath) + "/consent\">" + Html.hidden(Map.of("flow", flow))
        + organization + "<button type=\"submit\" name=\"action\" value=\"accept\">Accept</button>"
        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>";
    return new AuthorizeReply.Page(200, Html.page("Permissions requested", body));
  }

  /**
   * The sandbox's rendering of Entra's "Need admin approval" page: its way back to the app carries
   * {@code error=consent_required} with AADSTS90094.
   */
  private AuthorizeReply approvalPage(AuthorizeRequest request, Seed.App app) {
    Map<String, String> fields = Map.of("error", "consent_required",
        "error_description", Aadsts.ADMIN_CONSENT_REQUIRED.describe());
    AuthorizeReply back = back(request, fields);
    String returnLink = back instanceof AuthorizeReply.Redirect redirect
        ? "<a id=\"return\" href=\"" + Html.escape(redirect.location()) + "\">Return to the application without "
            + "consenting</a>"
        : "<form method=\"POST\" action=\"" + Html.escape(request.redirectUri()) + "\">"
            + Html.hidden(withState(request, fields)) + "<button id=\"return\" type=\"submit\">Return to the "
            + "application without consenting</button></form>";
    String body = "<p>" + Html.escape(app.displayName()) + " needs permission to access resources in your "
        + "organization that only an admin can grant. Please ask an admin to grant permission to this app before "
        + "you can use it.</p>" + returnLink;
    return new AuthorizeReply.Page(200, Html.page("Need admin approval", body));
  }

  private static Map<String, String> withState(AuthorizeRequest request, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (request.state() != null) {
      all.put("state", request.state());
    }
    return all;
  }

  private AuthorizeReply errorPage(Aadsts aadsts, Object... details) {
    return new AuthorizeReply.Page(400, Html.page("Sign in", "<p class=\"error\" id=\"error\">"
        + Html.escape(aadsts.describe(details)) + "</p>"));
  }

  private static AuthorizeReply expired() {
    return new AuthorizeReply.Page(400, Html.page("Sign in", "<p class=\"error\">This sign-in has expired or was "
        + "already completed. Go back to the application and sign in again.</p>"));
  }

  /** The sign-in under way, or null if there is none: unknown, finished, expired or never kept. */
  private Pending flow(String id) {
    return id == null ? null : pending.getIfPresent(id);
  }

  private Optional<Seed.App> anyApp(String tenantPath, String clientId) {
    if (!Directory.isMultiTenantAlias(tenantPath)) {
      return directory.tenant(tenantPath).flatMap(t -> t.app(clientId));
    }
    return directory.seed().tenants().stream().flatMap(t -> t.app(clientId).stream()).findFirst();
  }

  private static List<String> permissions(AuthorizeRequest request) {
    return Scopes.parse(request.scope(), new ArrayList<>()).graphPermissions();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
