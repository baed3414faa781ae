package dev.outlookflow.runtime.support;

import dev.outlookflow.sandbox.support.Browser;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser with its own cookie jar, as a person signing in uses it: it opens the runtime's sign-in or
 * admin-consent link, goes through the sandbox's pages, and comes back to the runtime's callback with
 * the cookies the runtime gave it. Two instances are two browsers.
 */
public final class SignInBrowser {
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Browser pages;
  private final String runtimeUrl;

  public SignInBrowser(String runtimeUrl, String sandboxUrl) {
    this.runtimeUrl = runtimeUrl;
    this.pages = new Browser(sandboxUrl, http);
  }

  /** The sandbox's pages, seen through this browser. */
  public Browser pages() {
    return pages;
  }

  /**
   * Opens a runtime link: the identity provider's page it redirects to, or the runtime's own page when it
   * answers one (a refusal).
   */
  public Browser.Step open(String runtimeLink) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(runtimeLink)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 302) {
      return pages.open(answer.headers().firstValue("Location").orElseThrow());
    }
    return new Browser.Step(answer.statusCode(), answer.body(), null);
  }

  /** Where the runtime's link redirects this browser (the identity provider's URL), without going there. */
  public String redirectOf(String runtimeLink) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(runtimeLink)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 302) {
      throw new AssertionError("expected a redirect from " + runtimeLink + ", got " + answer.statusCode() + ": "
          + answer.body());
    }
    return answer.headers().firstValue("Location").orElseThrow();
  }

  /** Back at the runtime's callback with what the identity provider sent back, and this browser's cookies. */
  public ApiClient.Answer returnToApp(Map<String, String> returned) throws Exception {
    String query = returned.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(runtimeUrl + "/oauth/callback?" + query))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return new ApiClient.Answer(answer.statusCode(), answer.body(),
        answer.headers().firstValue("Content-Type").orElse(""));
  }
}
