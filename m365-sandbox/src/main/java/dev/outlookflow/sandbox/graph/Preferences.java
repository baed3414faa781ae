package dev.outlookflow.sandbox.graph;

import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a request's {@code Prefer} headers ask for, whether they come in one header separated by commas or
 * in several: immutable ids ({@code IdType="ImmutableId"}) and a page size ({@code odata.maxpagesize=N},
 * honoured from 1 to 1,000 and otherwise ignored, as a preference may be).
 */
record Preferences(boolean immutableIds, OptionalInt maxPageSize) {
  static final int MAX_PAGE_SIZE = 1000;

  static Preferences of(HttpServerRequest request) {
    boolean immutable = false;
    OptionalInt pageSize = OptionalInt.empty();
    for (String header : request.headers().getAll("Prefer")) {
      for (String preference : header.split(",")) {
        String normalised = preference.replace(" ", "").toLowerCase(Locale.ROOT);
        if (normalised.equals("idtype=\"immutableid\"")) {
          immutable = true;
        } else if (normalised.startsWith("odata.maxpagesize=")) {
          pageSize = pageSize(normalised.substring("odata.maxpagesize=".length()));
        }
      }
    }
    return new Preferences(immutable, pageSize);
  }

  private static OptionalInt pageSize(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    int size = Integer.parseInt(text);
    return size >= 1 && size <= MAX_PAGE_SIZE ? OptionalInt.of(size) : OptionalInt.empty();
  }
}
