package dev.outlookflow.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How long one JSON string may be, and how deep JSON may nest. Jackson's default string length (20
 * million characters) would refuse a run event or a step output carrying an attachment over 15 MB as
 * base64; a mail may hold 35 MB or more. Its default nesting (1,000) is past where the runtime's
 * recursive walks of JSON overflow the stack.
 */
public final class JsonLimits {
  /** 64 Mi characters: a 35 MB attachment is 47 million as base64. */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;
  /**
   * How deep a request body (an event, a flow) may nest: deep enough for any mail or form, and far
   * from where code that walks JSON recursively runs out of stack (about 900 levels).
   */
  public static final int MAX_REQUEST_NESTING = 64;
  /**
   * How many values and names (Jackson's tokens) a request body may hold: a parsed value costs tens
   * of bytes, so 32 MiB of empty lists would take gigabytes; a million is far more than any mail holds.
   */
  public static final long MAX_REQUEST_TOKENS = 1_000_000;
  /** How deep anything else the runtime parses may nest: stored outputs hold a request's values deeper. */
  public static final int MAX_NESTING = 256;
  private static final String VERTX_STRING_PROPERTY = "vertx.jackson.defaultReadMaxStringLength";
  private static final String VERTX_NESTING_PROPERTY = "vertx.jackson.defaultReadMaxNestingDepth";

  private JsonLimits() {}

  /**
   * Raises Vert.x's limit; must run before Vert.x first parses JSON (it reads the property once), so
   * {@link RuntimeMain} calls it first thing.
   */
  public static void apply() {
    if (System.getProperty(VERTX_STRING_PROPERTY) == null) {
      System.setProperty(VERTX_STRING_PROPERTY, String.valueOf(MAX_STRING_LENGTH));
    }
    if (System.getProperty(VERTX_NESTING_PROPERTY) == null) {
      System.setProperty(VERTX_NESTING_PROPERTY, String.valueOf(MAX_NESTING));
    }
  }

  /** A Jackson factory with the same limits, for the runtime's own mappers. */
  static JsonFactory factory() {
    return factory(MAX_NESTING);
  }

  /** A Jackson factory for request bodies: {@link #MAX_REQUEST_NESTING} and {@link #MAX_REQUEST_TOKENS}. */
  public static JsonFactory requestFactory() {
    return JsonFactory.builder().streamReadConstraints(constraints(MAX_REQUEST_NESTING)
        .maxTokenCount(MAX_REQUEST_TOKENS).build()).build();
  }

  private static JsonFactory factory(int nesting) {
    return JsonFactory.builder().streamReadConstraints(constraints(nesting).build()).build();
  }

  private static StreamReadConstraints.Builder constraints(int nesting) {
    return StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(nesting);
  }
}
