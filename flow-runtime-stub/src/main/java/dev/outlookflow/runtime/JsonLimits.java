package dev.outlookflow.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How long one JSON string may be. Jackson's default (20 million characters) would refuse a run event
 * or a step output carrying an attachment over 15 MB as base64; a mail may hold 35 MB or more.
 */
public final class JsonLimits {
  /** 64 Mi characters: a 35 MB attachment is 47 million as base64. */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;
  private static final String VERTX_PROPERTY = "vertx.jackson.defaultReadMaxStringLength";

  private JsonLimits() {}

  /**
   * Raises Vert.x's limit; must run before Vert.x first parses JSON (it reads the property once), so
   * {@link RuntimeMain} calls it first thing.
   */
  public static void apply() {
    if (System.getProperty(VERTX_PROPERTY) == null) {
      System.setProperty(VERTX_PROPERTY, String.valueOf(MAX_STRING_LENGTH));
    }
  }

  /** A Jackson factory with the same limit, for the runtime's own mappers. */
  static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
        .build();
  }
}
