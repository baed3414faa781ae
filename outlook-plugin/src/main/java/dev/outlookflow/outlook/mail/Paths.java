package dev.outlookflow.outlook.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Values placed in Graph paths and queries. */
public final class Paths {
  private Paths() {}

  /** A path segment or query value: ids (which may hold {@code /} and {@code =}), names, filters. */
  public static String encode(String value) {
    return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
  }
}
