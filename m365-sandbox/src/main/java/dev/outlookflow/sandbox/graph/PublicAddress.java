package dev.outlookflow.sandbox.graph;

import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;

/**
 * The scheme and host a client used to reach the sandbox, for links it answers: behind a TLS proxy that
 * is the proxy's ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}), not the loopback address it
 * listens on.
 */
public final class PublicAddress {
  private static final Pattern SCHEME = Pattern.compile("https?");
  /** A host name or address with an optional port: nothing that could end the authority early. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

  private PublicAddress() {}

  /** {@code scheme://host[:port]} as the client sees it. */
  public static String origin(HttpServerRequest request) {
    String scheme = first(request.getHeader("X-Forwarded-Proto"));
    String host = first(request.getHeader("X-Forwarded-Host"));
    String usedScheme = scheme != null && SCHEME.matcher(scheme).matches() ? scheme : request.scheme();
    String usedHost = host != null && HOST.matcher(host).matches() ? host : own(request);
    return usedScheme + "://" + usedHost;
  }

  /** The authority the request named or, for an HTTP/1.0 request without {@code Host}, the address it reached. */
  private static String own(HttpServerRequest request) {
    if (request.authority() != null) {
      return request.authority().toString();
    }
    return request.localAddress().hostAddress() + ":" + request.localAddress().port();
  }

  /** A proxy chain lists one value per hop; the first is the client's. */
  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim().toLowerCase(java.util.Locale.ROOT);
  }
}
