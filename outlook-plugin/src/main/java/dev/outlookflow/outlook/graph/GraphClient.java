package dev.outlookflow.outlook.graph;

import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.connection.Credentials;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Graph client actions and triggers share: requests in flight limited per app or per mailbox as
 * {@link GraphConcurrency} says (Graph's MailboxConcurrency limit), nothing sent to a mailbox while a
 * {@code Retry-After} Graph gave for it is in force, retries by {@link RetryPolicy}, one forced token refresh
 * on 401, Graph's errors as {@link GraphException}, and the token sent to the connection's Graph origin only
 * ({@link GraphOrigin}).
 */
public final class GraphClient {
  /** Answers under this size parse in well under a millisecond: not worth a hop to a worker. */
  private static final int PARSED_INLINE_BYTES = 64 * 1024;

  /** Runs a task after a delay (a retry, the end of a {@code Retry-After}); tests run them by hand. */
  @FunctionalInterface
  public interface Timer {
    void after(long millis, Runnable task);
  }

  /**
   * One request: the mailbox it concerns (whose {@code Retry-After} it waits for, and in the mailbox scope whose
   * slots it takes), and whether repeating it is harmless.
   */
  public record Request(HttpMethod method, String path, JsonObject body, String mailbox, boolean repeatable) {}

  private final PluginEnvironment env;
  private final RetryPolicy retries;
  private final Timer timer;
  private final Admission admission;

  public GraphClient(PluginEnvironment env, RetryPolicy retries, Timer timer, GraphConcurrency concurrency) {
    this.env = env;
    this.retries = retries;
    this.timer = timer;
    this.admission = new Admission(concurrency, env.clock(), timer);
  }

  /**
   * Sends the request to the connection's Graph at {@code graphBaseUrl} (its cloud profile's) with the
   * credentials {@code tokens} gives; {@code tokens.apply(true)} must answer freshly acquired ones (after
   * a 401).
   */
  public Future<JsonObject> send(String graphBaseUrl, Request request,
      Function<Boolean, Future<Credentials>> tokens) {
    return attempt(graphBaseUrl, request, tokens, false, 1);
  }

  /**
   * Until when Graph asked that nothing be sent for {@code mailbox} (the latest {@code Retry-After} of a 429,
   * 503 or 504 for it, by the runtime's clock): every request for it waits until then. Empty when Graph asked
   * for no wait, or it is over.
   */
  public Optional<Instant> pausedUntil(String mailbox) {
    return admission.pausedUntil(keyOf(mailbox));
  }

  private Future<JsonObject> attempt(String graphBaseUrl, Request request,
      Function<Boolean, Future<Credentials>> tokens, boolean refreshed, int attempt) {
    Future<HttpResponse<Buffer>> called = tokens.apply(refreshed)
        .compose(credentials -> admitted(request.mailbox(), () -> call(graphBaseUrl, request, credentials)));
    return called.compose(response -> {
      if (response.statusCode() < 300) {
        return answer(response);
      }
      GraphException error = error(response);
      if (response.statusCode() == 401 && !refreshed && "InvalidAuthenticationToken".equals(error.graphCode())) {
        return attempt(graphBaseUrl, request, tokens, true, attempt + 1);
      }
      long delay = retries.delayMillis(response.statusCode(), response.getHeader("Retry-After"), attempt,
          request.repeatable());
      if (delay < 0) {
        return Future.failedFuture(error);
      }
      if (retries.retryAfterMillis(response.statusCode(), response.getHeader("Retry-After")).isPresent()) {
        // The mailbox's deadline holds the retry until then, as it holds every other request for it.
        return attempt(graphBaseUrl, request, tokens, refreshed, attempt + 1);
      }
      Promise<JsonObject> retried = Promise.promise();
      timer.after(delay, () -> attempt(graphBaseUrl, request, tokens, refreshed, attempt + 1).onComplete(retried));
      return retried.future();
    });
  }

  /**
   * Waits before the next try of an operation whose outcome was in doubt (a 503 or 504 answer, or a
   * connection lost): Graph's {@code Retry-After} if it gave one, else the backoff for {@code attempt}.
   */
  public Future<Void> pause(Throwable doubt, int attempt) {
    String retryAfter = doubt instanceof GraphException graph ? graph.retryAfter() : null;
    Promise<Void> waited = Promise.promise();
    timer.after(retries.delayMillis(retryAfter, attempt), waited::complete);
    return waited.future();
  }

  /**
   * One chunk of an upload session: to the pre-authenticated URL, without our token, and only over
   * https unless the URL is at {@code graph} itself (see {@link GraphOrigin#admitsUpload}).
   */
  public Future<JsonObject> uploadChunk(GraphOrigin graph, String uploadUrl, Buffer chunk, long start, long total,
      String mailbox) {
    if (!graph.admitsUpload(uploadUrl)) {
      return Future.failedFuture(insecureUpload(graph, uploadUrl));
    }
    return admitted(mailbox, () -> upload(HttpMethod.PUT, uploadUrl)
        .putHeader("Content-Type", "application/octet-stream")
        .putHeader("Content-Range", "bytes " + start + "-" + (start + chunk.length() - 1) + "/" + total)
        .sendBuffer(chunk)).compose(this::answer);
  }

  /** What an upload session expects next: {@code nextExpectedRanges}. */
  public Future<JsonObject> uploadStatus(GraphOrigin graph, String uploadUrl, String mailbox) {
    if (!graph.admitsUpload(uploadUrl)) {
      return Future.failedFuture(insecureUpload(graph, uploadUrl));
    }
    return admitted(mailbox, () -> upload(HttpMethod.GET, uploadUrl).send()).compose(this::answer);
  }

  private HttpRequest<Buffer> upload(HttpMethod method, String uploadUrl) {
    GraphOrigin target = GraphOrigin.of(uploadUrl).orElseThrow();
    return env.webClient().request(method, target.at(GraphOrigin.pathAndQuery(uploadUrl)));
  }

  private static ExtensionException insecureUpload(GraphOrigin graph, String uploadUrl) {
    // The URL's query is the upload's credential: the sentence names its origin only.
    return new ExtensionException("insecure_upload_url", "Microsoft Graph's upload session URL leads to "
        + GraphOrigin.nameOf(uploadUrl) + ", which is not https (nor this connection's Graph at " + graph
        + "): the attachment was not sent over it.");
  }

  /**
   * Sends {@code call} once {@link Admission} lets a request for {@code mailbox} through. A {@code Retry-After}
   * in its answer holds the mailbox before the slot is freed, so whoever gets the slot next waits for it too.
   * The slot is freed however the call ends, a call that throws before it answers a future included.
   */
  private Future<HttpResponse<Buffer>> admitted(String mailbox, Supplier<Future<HttpResponse<Buffer>>> call) {
    String key = keyOf(mailbox);
    return admission.enter(key).compose(v -> call.get()).andThen(sent -> {
      if (sent.succeeded()) {
        retries.retryAfterMillis(sent.result().statusCode(), sent.result().getHeader("Retry-After"))
            .ifPresent(millis -> admission.holdFor(key, millis));
      }
      admission.leave(key);
    });
  }

  private static String keyOf(String mailbox) {
    return mailbox == null ? "" : mailbox.toLowerCase(Locale.ROOT);
  }

  /** How many slot pools and {@code Retry-After} deadlines the client keeps: none when it is idle. */
  int entriesKept() {
    return admission.entriesKept();
  }

  /** How many requests wait for a free slot. */
  int waitingForSlot() {
    return admission.waitingForSlot();
  }

  /**
   * Graph's JSON answer. A large one (a page of messages with their bodies) is parsed on a worker:
   * parsing megabytes is no work for the event loop.
   */
  private Future<JsonObject> answer(HttpResponse<Buffer> response) {
    if (response.statusCode() >= 300) {
      return Future.failedFuture(error(response));
    }
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return Future.succeededFuture(new JsonObject());
    }
    if (body.length() < PARSED_INLINE_BYTES) {
      return Future.succeededFuture(parse(body));
    }
    return env.workers().executeBlocking(() -> parse(body), false);
  }

  private static JsonObject parse(Buffer body) {
    String text = body.toString(StandardCharsets.UTF_8);
    return text.isBlank() ? new JsonObject() : new JsonObject(text);
  }

  /**
   * The one place the token leaves the plugin: only ever to the origin of the connection's Graph base
   * URL. Paths are relative to that base; absolute URLs (links Graph handed out) must be at its origin,
   * else nothing is sent.
   */
  private Future<HttpResponse<Buffer>> call(String base, Request request, Credentials credentials) {
    GraphOrigin graph = GraphOrigin.ofBase(base);
    boolean relative = request.path().startsWith("/");
    if (!relative && !graph.holds(request.path())) {
      return Future.failedFuture(new ExtensionException("token_withheld", "Refused to send the connection's token to "
          + GraphOrigin.nameOf(request.path()) + ": it goes only to this connection's Microsoft Graph at " + graph
          + "."));
    }
    String target = relative ? GraphOrigin.pathAndQuery(base) + request.path()
        : GraphOrigin.pathAndQuery(request.path());
    // Redirects are not followed: where one leads is not Graph's origin to vouch for, and whether the
    // token goes along would be the HTTP client's choice (Graph's JSON API answers without redirects).
    var http = env.webClient().request(request.method(), graph.at(target))
        .followRedirects(false)
        .putHeader("Authorization", credentials.authorizationHeader())
        .putHeader("Prefer", "IdType=\"ImmutableId\"");
    return request.body() == null ? http.send() : http.sendJsonObject(request.body());
  }

  static GraphException error(HttpResponse<Buffer> response) {
    return GraphErrors.of(response.statusCode(), response.body(), response.getHeader("request-id"),
        response.getHeader("Retry-After"));
  }

  /** The default timer: Vert.x's. */
  public static Timer vertxTimer(PluginEnvironment env) {
    return (millis, task) -> env.vertx().setTimer(Math.max(1, millis), id -> task.run());
  }
}
