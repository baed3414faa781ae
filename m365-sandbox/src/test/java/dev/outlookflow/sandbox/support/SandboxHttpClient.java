package dev.outlookflow.sandbox.support;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * How msal4j reaches the sandbox: msal4j accepts only an https authority without a port, so clients
 * use {@link #AUTHORITY_HOST}, whose requests this client sends to the sandbox's real address.
 */
public final class SandboxHttpClient implements IHttpClient {
  public static final String AUTHORITY_HOST = "https://login.sandbox.test";
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  public SandboxHttpClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static String authority(String tenant) {
    return AUTHORITY_HOST + "/" + tenant + "/";
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    String url = request.url().toString().replace(AUTHORITY_HOST, baseUrl);
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(url));
    request.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
        builder.header(name, value);
      }
    });
    builder.method(request.httpMethod().name(), request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
