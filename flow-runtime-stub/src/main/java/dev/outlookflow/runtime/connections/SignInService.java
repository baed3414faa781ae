package dev.outlookflow.runtime.connections;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.connection.ConnectionStatus;
import dev.outlookflow.plugin.api.connection.ConnectionType;
import dev.outlookflow.plugin.api.connection.SignInContext;
import dev.outlookflow.plugin.api.connection.SignInStart;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.failures.StoreException;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.ConnectionStore;
import dev.outlookflow.runtime.store.SignInStore.Kind;
import dev.outlookflow.runtime.store.SignInStore.PendingSignIn;
import dev.outlookflow.runtime.store.SignInStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Interactive sign-ins and administrators' approvals, each bound to the browser that began it.
 *
 * <p>A sign-in begins with a link to the runtime ({@code /oauth/start/TICKET}) that works once: the browser
 * that opens it gets a cookie bound to a new {@code state} and is sent to the identity provider; the
 * callback completes the sign-in only for that browser. The admin-consent link
 * ({@code /oauth/admin-consent/ID}) stays valid as long as the connection exists, since it is forwarded to an
 * administrator who may open it days later: each opening begins an approval of its own.
 */
public final class SignInService {
  public static final Duration PENDING_FOR = Duration.ofMinutes(10);
  /**
   * The admin-consent link opens without a key, so the approvals under way are bounded, on the whole
   * runtime rather than per connection: a bound per connection would let anyone holding a forwarded link
   * keep that connection's administrator out. Reaching this takes over sixteen openings a second.
   */
  static final int MAX_APPROVALS_UNDER_WAY = 10_000;

  private final ConnectionService connections;
  private final ConnectionStore connectionStore;
  private final SignInStore signIns;
  private final RuntimeEnvironment environment;

  /** Where the browser goes next, and the cookie that binds the sign-in to it. */
  public record BrowserStart(String location, BrowserBinding binding) {}

  /** A sign-in or approval that completed, and the connection as it stands afterwards. */
  public record Completed(ConnectionRecord connection, boolean approval) {}

  public SignInService(ConnectionService connections, ConnectionStore connectionStore, SignInStore signIns,
      RuntimeEnvironment environment) {
    this.connections = connections;
    this.connectionStore = connectionStore;
    this.signIns = signIns;
    this.environment = environment;
  }

  /** Answers the link the signing-in user's browser must open; it works once, for ten minutes. */
  public Future<String> begin(String workspaceId, String connectionId) {
    return connections.stored(workspaceId, connectionId).compose(handle -> {
      if (!handle.needsInteractiveSignIn()) {
        throw Problem.badRequest("connection '" + connectionId + "' does not use interactive sign-in with its "
            + "current properties; test it instead (POST /api/v1/connections/" + connectionId + "/test)");
      }
      String ticket = BrowserBinding.random();
      return signIns.announce(BrowserBinding.random(), connectionId, BrowserBinding.sha256(ticket), expiry(),
              environment.now())
          .map(environment.publicUrl() + "/oauth/start/" + ticket);
    });
  }

  /** The browser opened a sign-in link: binds the sign-in to it and answers where the identity provider is. */
  public Future<BrowserStart> start(String ticket) {
    String cookieValue = BrowserBinding.random();
    // The sign-in's ten minutes start again when the link is opened: they are for signing in.
    return signIns.claim(BrowserBinding.sha256(ticket), BrowserBinding.sha256(cookieValue), environment.now(), expiry())
        .compose(claimed -> {
          PendingSignIn signIn = claimed.orElseThrow(() -> refused(400, "This sign-in link has expired (links "
              + "last 10 minutes) or was already opened, in this browser or another: a link works once. Ask for a "
              + "new one (POST /api/v1/connections/ID/authorize answers it) and open it in the browser that will "
              + "sign in."));
          return connections.handle(signIn.workspaceId(), signIn.connectionId())
              .compose(handle -> type(handle).beginSignIn(context(handle, signIn.state())))
              .compose(begun -> signIns.keep(signIn.state(), begun.pending()).map(begun))
              .recover(e -> signIns.take(signIn.state(), environment.now())
                  .transform(v -> Future.<SignInStart>failedFuture(refusedUnlessTheStoreFailed(e))))
              .map(begun -> new BrowserStart(begun.authorizationUrl(), BrowserBinding.of(signIn.state(), cookieValue)));
        });
  }

  /**
   * Someone opened the connection's admin-consent link: begins an approval bound to their browser and
   * answers the identity provider's approval page.
   */
  public Future<BrowserStart> startAdminConsent(String connectionId) {
    long now = environment.now();
    String state = BrowserBinding.random();
    BrowserBinding binding = BrowserBinding.of(state, BrowserBinding.random());
    return connectionStore.findAnywhere(connectionId).compose(found -> {
      ConnectionRecord record = found.orElseThrow(() -> refused(404, "This admin-consent link belongs to a "
          + "connection that no longer exists: ask for the link of the connection you mean (its actionUrl)."));
      return connections.handle(record.workspaceId(), connectionId)
          .compose(handle -> type(handle).beginAdminConsent(context(handle, state)))
          .recover(e -> Future.failedFuture(refusedUnlessTheStoreFailed(e)));
    }).compose(begun -> signIns.openApproval(state, connectionId, binding.hash(), begun.pending(), expiry(), now,
        MAX_APPROVALS_UNDER_WAY).map(kept -> {
          if (!kept) {
            throw refused(429, "Too many approvals are under way on this runtime (" + MAX_APPROVALS_UNDER_WAY
                + " opened in the last ten minutes and not finished): open the link again in ten minutes.");
          }
          return new BrowserStart(begun.authorizationUrl(), binding);
        }));
  }

  /**
   * Completes the sign-in or approval the callback's {@code state} belongs to, once, and only for the
   * browser bound to it; {@code cookies} answers the value of a cookie the browser sent, by name.
   */
  public Future<Completed> complete(Map<String, String> parameters, Function<String, String> cookies) {
    String state = parameters.get("state");
    if (state == null || state.isBlank()) {
      return Future.failedFuture(refused(400, "The sign-in callback carries no state, so it cannot be matched to a "
          + "sign-in: start the sign-in again (POST /api/v1/connections/ID/authorize answers its link)."));
    }
    long now = environment.now();
    return signIns.find(state, now).compose(found -> {
      PendingSignIn signIn = found.orElseThrow(() -> refused(400, "This sign-in has expired (sign-ins last 10 "
          + "minutes) or was already completed: start it again (POST /api/v1/connections/ID/authorize answers a "
          + "new link, or open the connection's admin-consent link again)."));
      if (!BrowserBinding.matches(cookies.apply(BrowserBinding.cookieName(state)), signIn.browserHash())) {
        throw refused(400, "This sign-in was started in another browser (or this browser refused the runtime's "
            + "cookie): only the browser that opened the sign-in link may finish it. Open a new link in the browser "
            + "you sign in with, and finish there.");
      }
      return signIns.take(state, now).compose(taken -> {
        if (!taken) {
          throw refused(400, "This sign-in was already completed.");
        }
        return finish(signIn, parameters);
      });
    });
  }

  /**
   * Has the type complete the sign-in or approval; one that completes is a change of the connection, which
   * the triggers using it have taken in (started again) before the browser is answered.
   */
  private Future<Completed> finish(PendingSignIn signIn, Map<String, String> parameters) {
    boolean approval = signIn.kind() == Kind.ADMIN_CONSENT;
    return connections.forSignIn(signIn.workspaceId(), signIn.connectionId())
        .recover(e -> Future.failedFuture(e instanceof Problem missing && missing.status() == 404
            ? refused(404, "The connection this sign-in was for was deleted meanwhile: nothing was kept.")
            : e))
        .compose(handle -> (approval
            ? type(handle).completeAdminConsent(context(handle, signIn.state()), parameters, signIn.pending())
            : type(handle).completeSignIn(context(handle, signIn.state()), parameters, signIn.pending()))
            .compose(v -> connections.changed(signIn.workspaceId(), signIn.connectionId())))
        .transform(done -> connections.get(signIn.workspaceId(), signIn.connectionId()).compose(connection -> done
            .succeeded()
            ? Future.succeededFuture(new Completed(connection, approval))
            : Future.failedFuture(new SignInRefused(400, done.cause().getMessage(),
                adminConsentLink(connection).orElse(null)))));
  }

  /** The connection's admin-consent link, built from the runtime's current address, while it needs one. */
  public Optional<String> adminConsentLink(ConnectionRecord connection) {
    return ConnectionStatus.ADMIN_CONSENT_REQUIRED.value().equals(connection.status())
        ? Optional.of(environment.publicUrl() + "/oauth/admin-consent/" + connection.id())
        : Optional.empty();
  }

  /** For each connection of the workspace with a sign-in under way, when the latest expires. */
  public Future<Map<String, Long>> underWay(String workspaceId) {
    return signIns.signInsUnderWay(workspaceId, environment.now());
  }

  private static SignInRefused refused(int status, String message) {
    return new SignInRefused(status, message, null);
  }

  /** What an extension or the connection said, as the page's sentence; a store failure stays one (503). */
  private static Throwable refusedUnlessTheStoreFailed(Throwable e) {
    return e instanceof StoreException || e instanceof SignInRefused ? e : refused(400, e.getMessage());
  }

  private long expiry() {
    return environment.now() + PENDING_FOR.toMillis();
  }

  private ConnectionType<?> type(ConnectionHandle handle) {
    return connections.type(handle.type()).extension();
  }

  private SignInContext context(ConnectionHandle handle, String state) {
    return new SignInContext() {
      @Override
      public ConnectionHandle connection() {
        return handle;
      }

      @Override
      public String state() {
        return state;
      }

      @Override
      public String callbackUrl() {
        return environment.oauthCallbackUrl();
      }

      @Override
      public PluginEnvironment environment() {
        return environment;
      }
    };
  }
}
