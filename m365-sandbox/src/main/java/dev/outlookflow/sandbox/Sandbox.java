package dev.outlookflow.sandbox;

import dev.outlookflow.sandbox.control.ControlRoutes;
import dev.outlookflow.sandbox.control.CounterRoutes;
import dev.outlookflow.sandbox.counters.RequestCounters;
import dev.outlookflow.sandbox.counters.RequestRecorder;
import dev.outlookflow.sandbox.counters.RetryAfters;
import dev.outlookflow.sandbox.control.DeliveryRoutes;
import dev.outlookflow.sandbox.control.FolderControlRoutes;
import dev.outlookflow.sandbox.control.StreamRoutes;
import dev.outlookflow.sandbox.entra.EntraRoutes;
import dev.outlookflow.sandbox.control.FaultRoutes;
import dev.outlookflow.sandbox.control.MailControlRoutes;
import dev.outlookflow.sandbox.control.DeltaControlRoutes;
import dev.outlookflow.sandbox.delta.DeltaControls;
import dev.outlookflow.sandbox.delta.DeltaRounds;
import dev.outlookflow.sandbox.faults.Faults;
import dev.outlookflow.sandbox.faults.MailboxLimits;
import dev.outlookflow.sandbox.graph.GraphError;
import dev.outlookflow.sandbox.graph.IdentityRoutes;
import dev.outlookflow.sandbox.graph.MailRoutes;
import dev.outlookflow.sandbox.graph.UploadSessions;
import dev.outlookflow.sandbox.mail.MailDelivery;
import dev.outlookflow.sandbox.mail.MailStore;
import dev.outlookflow.sandbox.graph.TokenValidator;
import dev.outlookflow.sandbox.state.SandboxState;
import dev.outlookflow.sandbox.stream.MailStreams;
import dev.outlookflow.sandbox.stream.StreamSpecReader;
import dev.outlookflow.sandbox.tenant.Directory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.time.Clock;

/**
 * An embedded Microsoft 365 stand-in: Entra ID (sign-in, consent, tokens) and Graph, on one port.
 * {@code Sandbox.start(vertx, SandboxOptions.demo())} answers once it listens; {@link #baseUrl()} is
 * where clients reach it.
 */
public final class Sandbox {
  /** Graph refuses request bodies over 4 MB. */
  static final int GRAPH_BODY_LIMIT = 4_194_304;
  /** The control API's delivery: a 40 MB mail is about 54 MB as Graph JSON (base64 content). */
  static final int DELIVERY_BODY_LIMIT = 64 * 1024 * 1024;

  private static final long FLUSH_EVERY_MILLIS = 500;
  private final Vertx vertx;
  private final HttpServer server;
  private final SandboxState state;
  private final MailStore mail;
  private final MailStreams streams;
  private final String baseUrl;
  private final long flushTimer;

  private Sandbox(Vertx vertx, HttpServer server, SandboxState state, MailStore mail, MailStreams streams,
      String baseUrl) {
    this.vertx = vertx;
    this.server = server;
    this.state = state;
    this.mail = mail;
    this.streams = streams;
    this.baseUrl = baseUrl;
    // Mail is written to the state directory at most twice a second, off the event loop.
    this.flushTimer = vertx.setPeriodic(FLUSH_EVERY_MILLIS, t -> vertx.executeBlocking(() -> {
      mail.flush();
      return null;
    }, true));
  }

  /** What is read from the state directory before serving. */
  private record Opened(SandboxState state, MailStore mail) {}

  public static Future<Sandbox> start(Vertx vertx, SandboxOptions options) {
    return vertx.executeBlocking(() -> SandboxState.open(options.stateDir(), options.clock()))
        .compose(state -> vertx.executeBlocking(() -> new MailStore(options.seed(), options.stateDir()))
            .map(mail -> new Opened(state, mail)))
        .compose(opened -> {
          SandboxState state = opened.state();
          MailStore mail = opened.mail();
          Directory directory = new Directory(options.seed(), state);
          Router router = Router.router(vertx);
          RequestCounters counters = new RequestCounters();
          RetryAfters retryAfters = new RetryAfters(state.clock());
          // First of all, so requests answered by the body limit, the limits or a fault are counted too.
          router.route().handler(new RequestRecorder(counters, retryAfters, state.clock())::handle);
          // Mail delivered by the control API may be as large as a mailbox takes (an admin may raise the 35 MB
          // default), beyond Graph's 4 MiB request bound; a body handler that ran first is the one that counts.
          router.post(MailControlRoutes.DELIVERY).handler(BodyHandler.create(false).setBodyLimit(DELIVERY_BODY_LIMIT));
          router.route().handler(BodyHandler.create(false).setBodyLimit(GRAPH_BODY_LIMIT));
          router.route().failureHandler(ctx -> graphFailure(ctx, state));
          router.route().handler(Sandbox::echoClientRequestId);
          router.route().handler(ctx -> {
            if (ctx.request().method() != io.vertx.core.http.HttpMethod.GET) {
              ctx.addEndHandler(done -> mail.changed());
            }
            ctx.next();
          });
          Faults faults = new Faults(state);
          MailboxLimits limits = new MailboxLimits(options.seed().effectiveLimits(), state);
          // Limits first: a request held by injected latency is in flight on its mailbox.
          router.route("/v1.0/*").handler(limits::handle);
          router.route("/v1.0/*").handler(faults::handle);
          router.route("/_upload/*").handler(faults::handle);
          HttpServer server = vertx.createHttpServer().requestHandler(router);
          // Issuers and links name the address the sandbox listens on, known only once it does.
          return server.listen(options.port(), options.host()).map(listening -> {
            String baseUrl = "http://" + options.urlHost() + ":" + listening.actualPort();
            new ControlRoutes(directory, state).mount(router);
            new EntraRoutes(directory, state, baseUrl).mount(router);
            TokenValidator tokens = new TokenValidator(directory, state);
            new IdentityRoutes(tokens, state).mount(router);
            UploadSessions uploads = new UploadSessions(state);
            uploads.mount(router);
            DeltaControls delta = new DeltaControls();
            // Deliveries are timed by the machine's clock: the sandbox's may be moved by tests.
            MailDelivery delivery = new MailDelivery(mail, Clock.systemUTC());
            MailStreams streams = new MailStreams(vertx, mail, delivery, state.clock(), Clock.systemUTC());
            new MailRoutes(tokens, mail, state, uploads, delivery, new DeltaRounds(delta, state.clock())).mount(router);
            new DeltaControlRoutes(delta, mail).mount(router);
            new MailControlRoutes(mail, state, delivery).mount(router);
            new FolderControlRoutes(mail).mount(router);
            new DeliveryRoutes(mail.deliveries()).mount(router);
            new StreamRoutes(streams, new StreamSpecReader(mail)).mount(router);
            // Before FaultRoutes, whose POST /_sandbox/reset answers after this one resets the counters.
            new CounterRoutes(counters, faults, Map.of("hazards", delta, "retryAfter", retryAfters)).mount(router);
            new FaultRoutes(faults, limits, mail, streams, delta).mount(router);
            return new Sandbox(vertx, listening, state, mail, streams, baseUrl);
          });
        });
  }

  /** Failures become Graph-shaped answers, never a stack trace: 413 past Graph's 4 MB request limit. */
  private static void graphFailure(io.vertx.ext.web.RoutingContext ctx, SandboxState state) {
    if (ctx.statusCode() == 413) {
      new GraphError(413, "RequestEntityTooLarge", "The request body exceeds the maximum of " + GRAPH_BODY_LIMIT
          + " bytes.").send(ctx, state.clock().instant());
    } else {
      new GraphError(ctx.statusCode() >= 400 ? ctx.statusCode() : 500, "generalException",
          "An internal server error occurred.").send(ctx, state.clock().instant());
    }
  }

  /**
   * Entra and Graph answer a request's {@code client-request-id} in a header of the same name; msal4j
   * checks it, and warns on every token call when it does not come back.
   */
  private static void echoClientRequestId(RoutingContext ctx) {
    String id = ctx.request().getHeader("client-request-id");
    if (id != null) {
      ctx.response().putHeader("client-request-id", id);
    }
    ctx.next();
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The mailboxes, for embedders that fill them directly (benchmarks). */
  public MailStore mail() {
    return mail;
  }

  public SandboxState state() {
    return state;
  }

  /** Stops its streams and serving, then writes what mail changed since the last flush. */
  public Future<Void> stop() {
    vertx.cancelTimer(flushTimer);
    streams.forget();
    return server.close().compose(v -> vertx.executeBlocking(() -> {
      mail.flush();
      return null;
    }));
  }
}
