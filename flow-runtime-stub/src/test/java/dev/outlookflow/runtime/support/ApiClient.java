package dev.outlookflow.runtime.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking HTTP client for the runtime's API, for test threads (never an event loop). */
public final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String key;

  public ApiClient(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  public ApiClient withKey(String otherKey) {
    return new ApiClient(baseUrl, otherKey);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** An answer: its status, raw text and, when the text is a JSON object, that object. */
  public record Answer(int status, String text, String contentType) {
    public JsonObject json() {
      return new JsonObject(text);
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Answer post(String path, JsonObject body) {
    return send("POST", path, body == null ? null : body.encode(), "application/json");
  }

  public Answer put(String path, JsonObject body) {
    return send("PUT", path, body.encode(), "application/json");
  }

  /** Sends any text, e.g. malformed JSON or a form body. */
  public Answer send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
