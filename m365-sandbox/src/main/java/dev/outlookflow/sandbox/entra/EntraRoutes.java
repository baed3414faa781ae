package dev.outlookflow.sandbox.entra;

import com.nimbusds.jose.jwk.JWKSet;
import dev.outlookflow.sandbox.state.Grants;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.tenant.Directory;
import dev.outlookflow.sandbox.tenant.Seed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Entra's endpoints: discovery, keys, authorize, admin consent and token. */
public final class EntraRoutes {
  private final Directory directory;
  private final SandboxState state;
  private final AuthorizeEndpoint authorize;
  private final TokenEndpoint token;
  private final String baseUrl;

  public EntraRoutes(Directory directory, SandboxState state, String baseUrl) {
    this.directory = directory;
    this.state = state;
    this.baseUrl = baseUrl;
    this.authorize = new AuthorizeEndpoint(directory, state);
    this.token = new TokenEndpoint(directory, state, new TokenIssuer(state, baseUrl));
  }

  public void mount(Router router) {
    router.get("/:tenant/v2.0/.well-known/openid-configuration").handler(this::discovery);
    router.get("/:tenant/discovery/v2.0/keys").handler(ctx -> json(ctx, 200,
        new JsonObject(new JWKSet(state.signingKey().toPublicJWK()).toJSONObject(true))));
    router.get("/:tenant/oauth2/v2.0/authorize").blockingHandler(ctx -> reply(ctx,
        authorize.start(ctx.pathParam("tenant"), ctx.queryParams(), path(ctx))), false);
    router.post("/:tenant/oauth2/v2.0/authorize/signin").blockingHandler(ctx -> reply(ctx,
        authorize.signIn(ctx.request().formAttributes(), path(ctx))), false);
    router.post("/:tenant/oauth2/v2.0/authorize/consent").blockingHandler(ctx -> reply(ctx,
        authorize.consent(ctx.request().formAttributes())), false);
    router.get("/:tenant/adminconsent").handler(this::adminConsentPage);
    router.post("/:tenant/adminconsent").blockingHandler(this::adminConsent, false);
    router.post("/:tenant/oauth2/v2.0/token").blockingHandler(this::token, false);
  }

  private static String path(RoutingContext ctx) {
    return "/" + ctx.pathParam("tenant") + "/oauth2/v2.0/authorize";
  }

  private void discovery(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    Optional<Seed.Tenant> found = directory.tenant(tenant);
    if (found.isEmpty() && !Directory.isMultiTenantAlias(tenant)) {
      json(ctx, 400, EntraErrorBody.of(Aadsts.TENANT_NOT_FOUND, state.clock().instant(), null, tenant));
      return;
    }
    String issuerTenant = found.map(Seed.Tenant::id).orElse("{tenantid}");
    String root = baseUrl + "/" + tenant;
    json(ctx, 200, new JsonObject()
        .put("token_endpoint", root + "/oauth2/v2.0/token")
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("client_secret_post")
            .add("private_key_jwt").add("client_secret_basic"))
        .put("jwks_uri", root + "/discovery/v2.0/keys")
        .put("response_modes_supported", new JsonArray().add("query").add("fragment").add("form_post"))
        .put("subject_types_supported", new JsonArray().add("pairwise"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("response_types_supported", new JsonArray().add("code").add("id_token").add("code id_token")
            .add("id_token token"))
        .put("scopes_supported", new JsonArray().add("openid").add("profile").add("email").add("offline_access"))
        .put("issuer", baseUrl + "/" + issuerTenant + "/v2.0")
        .put("request_uri_parameter_supported", false)
        .put("userinfo_endpoint", baseUrl + "/oidc/userinfo")
        .put("authorization_endpoint", root + "/oauth2/v2.0/authorize")
        .put("http_logout_supported", true)
        .put("frontchannel_logout_supported", true)
        .put("end_session_endpoint", root + "/oauth2/v2.0/logout")
        .put("claims_supported", new JsonArray().add("sub").add("iss").add("aud").add("exp").add("iat")
            .add("name").add("nonce").add("preferred_username").add("oid").add("tid").add("ver"))
        .put("tenant_region_scope", "NA")
        .put("cloud_instance_name", "sandbox")
        .put("cloud_graph_host_name", "graph.windows.net")
        .put("msgraph_host", "graph.microsoft.com")
        .put("rbac_url", "https://pas.windows.net"));
  }

  private void token(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    var form = ctx.request().formAttributes();
    String clientId = form.get("client_id");
    String grantType = form.get("grant_type");
    try {
      JsonObject body = token.handle(tenant, form, ctx.request().getHeader("Authorization"));
      state.recordTokenRequest(new Grants.TokenRequest(tenant, clientId, grantType, 200, state.clock().millis()));
      json(ctx, 200, body);
    } catch (EntraException e) {
      int status = EntraErrorBody.status(e.aadsts());
      state.recordTokenRequest(new Grants.TokenRequest(tenant, clientId, grantType, status, state.clock().millis()));
      json(ctx, status, EntraErrorBody.of(e.aadsts(), state.clock().instant(),
          ctx.request().getHeader("client-request-id"), e.details()));
    }
  }

  private void adminConsentPage(RoutingContext ctx) {
    var query = ctx.queryParams();
    String body = "<p>An administrator of the tenant grants " + Html.escape(query.get("client_id"))
        + " the permissions it requests, for the whole organization.</p>"
        + "<form method=\"POST\">" + Html.hidden(Map.of(
            "client_id", String.valueOf(query.get("client_id")),
            "redirect_uri", String.valueOf(query.get("redirect_uri")),
            "state", query.get("state") == null ? "" : query.get("state")))
        + "<label for=\"login\">Administrator</label><input id=\"login\" name=\"login\" type=\"email\">"
        + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\">"
        + "<button type=\"submit\" name=\"action\" value=\"accept\">Accept</button>"
        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>";
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(Html.page("Permissions requested", body));
  }

  /** Redirects with {@code admin_consent=True}, or {@code error=permission_denied}. */
  private void adminConsent(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    Optional<Seed.Tenant> tenant = directory.tenant(ctx.pathParam("tenant"));
    Optional<Seed.App> app = tenant.flatMap(t -> t.app(form.get("client_id")));
    if (tenant.isEmpty() || app.isEmpty() || !RedirectUris.registered(app.get().redirectUris(), form.get("redirect_uri"))) {
      reply(ctx, new AuthorizeReply.Page(400, Html.page("Sign in", "<p class=\"error\">"
          + Html.escape(Aadsts.UNKNOWN_CLIENT.describe(form.get("client_id"), ctx.pathParam("tenant"))) + "</p>")));
      return;
    }
    Optional<Seed.User> admin = tenant.get().user(String.valueOf(form.get("login")))
        .filter(u -> u.password().equals(form.get("password")) && u.admin());
    String redirect = form.get("redirect_uri") + "?";
    if ("accept".equals(form.get("action")) && admin.isPresent()) {
      state.setAdminConsent(tenant.get().id(), app.get().clientId(), true);
      redirect += "admin_consent=True&tenant=" + tenant.get().id();
    } else {
      redirect += "error=permission_denied&error_description=" + encode(admin.isPresent()
          ? "The admin canceled the request" : "AADSTS90094: Only an administrator of the tenant can grant consent.");
    }
    if (form.get("state") != null && !form.get("state").isEmpty()) {
      redirect += "&state=" + encode(form.get("state"));
    }
    reply(ctx, new AuthorizeReply.Redirect(redirect));
  }

  private static void reply(RoutingContext ctx, AuthorizeReply reply) {
    if (reply instanceof AuthorizeReply.Redirect redirect) {
      ctx.response().setStatusCode(302).putHeader("Location", redirect.location()).end();
    } else if (reply instanceof AuthorizeReply.Page page) {
      ctx.response().setStatusCode(page.status()).putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Cache-Control", "no-store").end(page.html());
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
