package dev.outlookflow.outlook.auth;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.SilentParameters;
import dev.outlookflow.outlook.settings.AuthMode;
import dev.outlookflow.outlook.settings.Cloud;
import dev.outlookflow.outlook.settings.ConnectionSettings;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.Credentials;
import dev.outlookflow.plugin.api.connection.SignInStart;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Access tokens of Outlook connections: msal4j on the runtime's worker pool, its cache in the
 * connection's encrypted blobs, and one token call per connection per token lifetime however many
 * actions ask at once ({@link CredentialsCache} keeps the token until five minutes before it expires).
 */
public final class Tokens {
  public static final String CACHE_BLOB = "msal-token-cache";
  /** The code of the failure when a delegated connection has no signed-in account. */
  public static final String NOT_SIGNED_IN = "not_signed_in";
  /** The key of the PKCE verifier in a delegated sign-in's pending values. */
  public static final String VERIFIER = "verifier";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CredentialsCache credentials;
  private final DemoApp demoApp = new DemoApp();

  /** {@code clock}: the runtime's, by which cached credentials expire. */
  public Tokens(Clock clock) {
    this.credentials = new CredentialsCache(clock);
  }

  /**
   * The connection's credentials, from the in-memory cache while fresh, else from Entra. With {@code
   * fresh}, a token newly issued by Entra (msal4j's cache skipped), e.g. after Graph refused the cached
   * one with 401; concurrent callers still share one call. Cached per connection and settings: once its
   * properties change, the connection gets a new token (records hash their components).
   */
  public Future<Credentials> credentials(ConnectionHandle connection, ConnectionSettings settings, boolean fresh) {
    PluginEnvironment env = connection.environment();
    String key = connection.id() + "|" + settings.hashCode();
    if (fresh) {
      credentials.invalidate(key);
    }
    return credentials.get(key, () -> acquire(connection, settings, env, fresh), env.vertx().getOrCreateContext());
  }

  /** Drops what is cached for the connection, e.g. after it was disconnected. */
  public void forget(ConnectionHandle connection) {
    credentials.forgetStartingWith(connection.id() + "|");
  }

  /** The settings, with the sandbox demo app's registration where the form left it empty. */
  private Future<ConnectionSettings> withDemoApp(ConnectionSettings settings, PluginEnvironment env) {
    if (settings.profile().cloud() != Cloud.SANDBOX) {
      return Future.succeededFuture(settings);
    }
    if (env.sandboxBaseUrl().isEmpty()) {
      return Future.failedFuture(new ExtensionException("no_sandbox", "The Sandbox cloud needs a runtime started "
          + "with its sandbox (the default on 127.0.0.1, --sandbox beside another --host, or --sandbox-url); choose "
          + "your organisation's cloud instead."));
    }
    return demoApp.of(env).map(app -> settings.withAppDefaults(app.getString("tenantId"), app.getString("clientId"),
        app.getString("clientSecret")));
  }

  private Future<Credentials> acquire(ConnectionHandle connection, ConnectionSettings stored, PluginEnvironment env,
      boolean fresh) {
    return withDemoApp(stored, env).compose(settings -> {
      if (settings.mode() == AuthMode.BEARER_TOKEN) {
        return bearer(connection, settings, env);
      }
      return withApp(connection, settings, env, app -> {
        if (settings.mode() == AuthMode.CLIENT_CREDENTIALS) {
          return app.acquireToken(ClientCredentialParameters.builder(Set.of(settings.profile().appOnlyScope()))
              .skipCache(fresh).build()).get();
        }
        Set<IAccount> accounts = app.getAccounts().get();
        if (accounts.isEmpty()) {
          throw new ExtensionException(NOT_SIGNED_IN, "Nobody has signed in to this connection yet: anyone of the "
              + "organisation may sign in once the app is approved (POST /api/v1/connections/" + connection.id()
              + "/authorize answers the link to open in a browser).");
        }
        return app.acquireTokenSilently(SilentParameters.builder(new HashSet<>(settings.delegatedScopes()),
            accounts.iterator().next()).forceRefresh(fresh).build()).get();
      }).compose(result -> confirm(connection, settings, result).map(credentials(result)));
    });
  }

  /** Where Graph is comes from the connection's settings, not from its credentials: they carry who signed in. */
  private static Credentials credentials(IAuthenticationResult result) {
    String account = result.account() == null ? null : result.account().username();
    return new Credentials("Bearer", result.accessToken(), result.expiresOnDate().toInstant(), account);
  }

  /**
   * A token obtained connects; an app-only one only if it grants application permissions, since Entra
   * also issues one to an app nobody approved (the test then says what is missing).
   */
  private static Future<Void> confirm(ConnectionHandle connection, ConnectionSettings settings,
      IAuthenticationResult result) {
    if (settings.mode() == AuthMode.CLIENT_CREDENTIALS) {
      return JwtClaims.grantsRoles(result.accessToken())
          ? connection.confirmConnected("The app obtained a token carrying application permissions from Microsoft "
              + "Entra.")
          : Future.succeededFuture();
    }
    return connection.confirmConnected(result.account() == null
        ? "A token was obtained from Microsoft Entra."
        : "Signed in as " + result.account().username() + ".");
  }

  private Future<Credentials> bearer(ConnectionHandle connection, ConnectionSettings settings, PluginEnvironment env) {
    Instant expires = JwtClaims.expiry(settings.bearerToken());
    if (!expires.isAfter(env.clock().instant())) {
      return connection.updateStatus(ConnectionStatus.EXPIRED, "The pasted access token has expired: paste a new one, "
              + "or use sign-in or app-only to stay connected.")
          .compose(v -> Future.failedFuture(new ExtensionException("expired", "The pasted access token has expired.")));
    }
    return Future.succeededFuture(new Credentials("Bearer", settings.bearerToken(), expires, null));
  }

  /**
   * Starts a delegated sign-in: the authorize URL (PKCE S256), and the verifier the runtime keeps
   * server-side under {@link #VERIFIER} until the browser comes back.
   */
  public Future<SignInStart> beginSignIn(ConnectionSettings stored, PluginEnvironment env, String state,
      String callbackUrl) {
    return withDemoApp(stored, env).compose(settings -> {
      if (settings.mode() != AuthMode.AUTHORIZATION_CODE_PKCE) {
        return Future.failedFuture(new ExtensionException("sign_in_not_needed",
            "Only connections that sign in with an account use interactive sign-in."));
      }
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      return Future.succeededFuture(new SignInStart(AuthorizeUrl.of(settings, callbackUrl, state, s256(verifier)),
          Map.of(VERIFIER, verifier)));
    });
  }

  /** A redeemed sign-in: who signed in, and a token cache holding that account alone. */
  public record SignedIn(String account, String cache) {
    @Override
    public String toString() {
      return "SignedIn[account=" + account + ", cache=[REDACTED]]";
    }
  }

  /**
   * Redeems the code the browser brought back into a cache of its own: nothing of the connection changes
   * until {@link #keep}, so a sign-in refused afterwards leaves an earlier one working.
   */
  public Future<SignedIn> redeem(ConnectionHandle connection, ConnectionSettings stored, PluginEnvironment env,
      String code, String verifier, String callbackUrl) {
    return withDemoApp(stored, env).compose(settings -> call(connection, settings, env, Optional.empty(), app -> app
        .acquireToken(AuthorizationCodeParameters.builder(code, URI.create(callbackUrl))
            .scopes(new HashSet<>(settings.delegatedScopes())).codeVerifier(verifier).build()).get()))
        .map(done -> new SignedIn(done.result().account().username(), done.cache()));
  }

  /** Makes a sign-in's tokens the connection's, replacing an earlier account's: a connection acts as one person. */
  public Future<Void> keep(ConnectionHandle connection, SignedIn signedIn) {
    return connection.blobs().put(CACHE_BLOB, Buffer.buffer(signedIn.cache())).onSuccess(v -> forget(connection));
  }

  /**
   * Entra's page where an administrator approves the app for the whole organisation; Entra returns to the
   * callback with {@code state}, and {@code admin_consent=True} or {@code error}.
   */
  public Future<String> adminConsentUrl(ConnectionSettings stored, PluginEnvironment env, String state) {
    return withDemoApp(stored, env).map(settings -> settings.profile().signInBase()
        + "/" + settings.tenantId() + "/adminconsent?client_id=" + settings.clientId() + "&state="
        + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&redirect_uri="
        + URLEncoder.encode(env.oauthCallbackUrl(), StandardCharsets.UTF_8));
  }

  /** An msal4j result and the token cache as it stood afterwards. */
  private record Call(IAuthenticationResult result, String cache) {}

  @FunctionalInterface
  interface MsalCall {
    IAuthenticationResult call(ConfidentialClientApplication app) throws Exception;
  }

  /** Runs an msal4j call with the connection's cache and saves the cache afterwards. */
  private Future<IAuthenticationResult> withApp(ConnectionHandle connection, ConnectionSettings settings,
      PluginEnvironment env, MsalCall call) {
    return connection.blobs().get(CACHE_BLOB).compose(cache -> call(connection, settings, env, cache, call))
        .compose(done -> connection.blobs().put(CACHE_BLOB, Buffer.buffer(done.cache())).map(done.result()));
  }

  /** Runs an msal4j call on a worker with the given cache (or an empty one); Entra's refusals set the status. */
  private Future<Call> call(ConnectionHandle connection, ConnectionSettings settings, PluginEnvironment env,
      Optional<Buffer> cache, MsalCall call) {
    return env.workers().executeBlocking(() -> {
      ConfidentialClientApplication app = MsalApps.build(settings, cache.map(Buffer::toString).orElse(null));
      try {
        IAuthenticationResult result = call.call(app);
        return new Call(result, app.tokenCache().serialize());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }).recover(e -> {
      if (!(e instanceof MsalServiceException refused)) {
        return Future.failedFuture(e);
      }
      EntraErrors.Meaning meaning = EntraErrors.of(refused.errorCode(), refused.getMessage());
      return connection.updateStatus(meaning.status(), meaning.sentence())
          .compose(v -> Future.failedFuture(new ExtensionException(meaning.code(), meaning.sentence(), e)));
    });
  }

  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
