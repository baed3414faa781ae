package dev.outlookflow.sandbox.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user at a browser: opens sandbox pages, fills forms, follows the way back to the app. */
public final class Browser {
  private static final Pattern HIDDEN = Pattern.compile(
      "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"POST\"[^>]* action=\"([^\"]+)\"");
  private static final Pattern LINK = Pattern.compile("<a id=\"return\" href=\"([^\"]+)\"");
  private final HttpClient http;
  private final String baseUrl;

  public Browser(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /** A browser whose requests go through {@code http}, e.g. one with the cookie jar the app's pages use too. */
  public Browser(String baseUrl, HttpClient http) {
    this.baseUrl = baseUrl;
    this.http = http;
  }

  /** A page the browser shows, or the parameters it carries back to the app. */
  public record Step(int status, String html, Map<String, String> returned) {
    public boolean returnedToApp() {
      return returned != null;
    }

    public String field(String name) {
      Matcher m = HIDDEN.matcher(html);
      while (m.find()) {
        if (m.group(1).equals(name)) {
          return unescape(m.group(2));
        }
      }
      return null;
    }

    /** The href of the "return to the application" link of the admin approval page. */
    public String returnLink() {
      Matcher m = LINK.matcher(html);
      return m.find() ? unescape(m.group(1)) : null;
    }
  }

  /** Opens a URL msal4j made for the authority host, at the sandbox's real address. */
  public Step open(String url) throws Exception {
    return interpret(http.send(HttpRequest.newBuilder(URI.create(url.replace(SandboxHttpClient.AUTHORITY_HOST, baseUrl)))
        .GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  public Step signIn(Step page, String login, String password) throws Exception {
    return submit(page, Map.of("flow", page.field("flow"), "login", login, "password", password));
  }

  public Step consent(Step page, boolean forOrganization) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("flow", page.field("flow"));
    fields.put("action", "accept");
    if (forOrganization) {
      fields.put("consent_for_organization", "on");
    }
    return submit(page, fields);
  }

  public Step submit(Step page, Map<String, String> fields) throws Exception {
    Matcher action = FORM_ACTION.matcher(page.html());
    String target = action.find() ? unescape(action.group(1)) : null;
    if (target != null && target.startsWith("http") && !target.startsWith(baseUrl)) {
      // The form goes to the application: what it would receive is the form's fields.
      Map<String, String> received = new LinkedHashMap<>();
      Matcher m = HIDDEN.matcher(page.html());
      while (m.find()) {
        received.put(m.group(1), unescape(m.group(2)));
      }
      received.putAll(fields);
      return new Step(200, page.html(), received);
    }
    return post(target == null || target.startsWith("http") ? target : baseUrl + target, fields);
  }

  public Step post(String url, Map<String, String> fields) throws Exception {
    StringBuilder form = new StringBuilder();
    fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
    return interpret(http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString()));
  }

  private Step interpret(HttpResponse<String> response) {
    if (response.statusCode() == 302) {
      return new Step(302, "", query(response.headers().firstValue("Location").orElseThrow()));
    }
    String html = response.body();
    if (html.contains("name=\"hiddenform\"")) {
      Map<String, String> posted = new LinkedHashMap<>();
      Matcher m = HIDDEN.matcher(html);
      while (m.find()) {
        posted.put(m.group(1), unescape(m.group(2)));
      }
      return new Step(response.statusCode(), html, posted);
    }
    return new Step(response.statusCode(), html, null);
  }

  public static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = URI.create(url).getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
