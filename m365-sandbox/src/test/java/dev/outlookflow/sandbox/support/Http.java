package dev.outlookflow.sandbox.support;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;

/** Test-side HTTP answers. */
public final class Http {
  private Http() {}

  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static Answer answer(HttpResponse<String> response) {
    return new Answer(response.statusCode(), response.body(), response.headers());
  }
}
