package dev.outlookflow.outlook.graph;

import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Scheme, host and port of an http(s) URL, compared as browsers compare origins: host names in any
 * case, a missing port as the scheme's default. The origin of a connection's Graph base URL is the
 * only place its access token may go.
 */
public record GraphOrigin(String scheme, String host, int port) {
  public GraphOrigin {
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
  }

  /**
   * The origin of an absolute http(s) URL; empty for anything else, which gets no token. A URL with
   * user info is refused too: Graph's links never carry one, and {@code https://graph.microsoft.com@evil.example/}
   * reads like Graph while it leads to evil.example.
   */
  public static Optional<GraphOrigin> of(String url) {
    return parse(url).filter(uri -> uri.getRawUserInfo() == null).flatMap(GraphOrigin::origin);
  }

  /** The origin of a connection's Graph base URL, which the plugin itself sets per cloud. */
  public static GraphOrigin ofBase(String graphBaseUrl) {
    return of(graphBaseUrl).orElseThrow(() -> new IllegalStateException("not a Graph base URL: " + graphBaseUrl));
  }

  /** Whether {@code url} is an absolute URL at exactly this origin. */
  public boolean holds(String url) {
    return of(url).filter(this::equals).isPresent();
  }

  /**
   * Whether an upload session's URL may receive an attachment: over https, or at this Graph itself
   * (the sandbox answers on plain http over loopback, its upload URLs too). It never gets a token.
   */
  public boolean admitsUpload(String uploadUrl) {
    return of(uploadUrl).filter(target -> target.secure() || target.equals(this)).isPresent();
  }

  /**
   * How sentences name where {@code url} leads: its origin only, without user info, path or query,
   * which may carry secrets (an upload URL's is its credential).
   */
  public static String nameOf(String url) {
    return parse(url).flatMap(GraphOrigin::origin).map(GraphOrigin::toString)
        .orElse("an address that is not an http(s) URL");
  }

  /** The raw path and query of an absolute URL this origin {@linkplain #holds holds} (or admits for uploads). */
  static String pathAndQuery(String url) {
    URI uri = parse(url).orElseThrow();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /**
   * A request to this origin: scheme, host and port are this record's, never re-read from a URL's text
   * by another parser that might find a different host in it.
   */
  RequestOptions at(String pathAndQuery) {
    // java.net.URI keeps an IPv6 literal's brackets; a socket address has none.
    String address = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return new RequestOptions().setSsl(secure()).setHost(address).setPort(port).setURI(pathAndQuery);
  }

  boolean secure() {
    return scheme.equals("https");
  }

  /** {@code https://graph.microsoft.com}, the port only when it is not the scheme's default. */
  @Override
  public String toString() {
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  private static Optional<URI> parse(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(url));
    } catch (URISyntaxException notAUri) {
      return Optional.empty();
    }
  }

  private static Optional<GraphOrigin> origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
    return Optional.of(new GraphOrigin(scheme, uri.getHost(), port));
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }
}
