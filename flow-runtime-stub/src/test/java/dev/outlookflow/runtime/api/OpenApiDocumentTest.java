package dev.outlookflow.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document and the router describe the same operations. */
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws Exception {
    ApiServer.Services nothingNeededToBuildRoutes =
        new ApiServer.Services(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    Set<String> routed = new TreeSet<>();
    for (Route route : new ApiServer(vertx, nothingNeededToBuildRoutes).router().getRoutes()) {
      // The options route is the one regex route: its extension id holds a slash.
      String path = route.getPath() != null
          ? route.getPath()
          : route.isRegexPath() ? "/api/v1/catalog/{kind}/{extensionId}/options/{field}" : null;
      if (route.methods() != null && path != null) {
        route.methods().forEach(m -> routed.add(m.name().toLowerCase() + " " + path.replaceAll(":(\\w+)", "{$1}")));
      }
    }

    Set<String> documented = new TreeSet<>();
    JsonObject paths = document().getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      paths.getJsonObject(path).fieldNames().stream().filter(METHODS::contains)
          .forEach(method -> documented.add(method + " " + path));
    }

    assertThat(documented).isEqualTo(routed);
  }

  private static JsonObject document() throws Exception {
    try (InputStream in = ApiServer.class.getResourceAsStream("/api/openapi.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
