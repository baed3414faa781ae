package dev.outlookflow.outlook.auth;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import dev.outlookflow.outlook.settings.SandboxRouting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sends msal4j's requests for the sandbox's authority host to the sandbox's real address. */
final class SandboxHttpClient implements IHttpClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String sandboxUrl;

  SandboxHttpClient(String sandboxUrl) {
    this.sandboxUrl = sandboxUrl;
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    String url = request.url().toString().replace(SandboxRouting.AUTHORITY_HOST, sandboxUrl);
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30));
    request.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
        builder.header(name, value);
      }
    });
    builder.method(request.httpMethod().name(), request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, List<String>> headers = response.headers().map();
    return new IHttpResponse() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public Map<String, List<String>> headers() {
        return headers;
      }

      @Override
      public String body() {
        return response.body();
      }
    };
  }
}
