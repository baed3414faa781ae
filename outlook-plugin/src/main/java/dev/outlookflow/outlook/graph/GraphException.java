package dev.outlookflow.outlook.graph;

import dev.outlookflow.plugin.api.ExtensionException;
import java.util.List;

/** A Graph error: HTTP status, Graph's code and inner codes, and the request id for support. */
public final class GraphException extends ExtensionException {
  private final int status;
  private final String graphCode;
  private final List<String> innerCodes;
  private final String retryAfter;
  private final String graphMessage;

  public GraphException(int status, String graphCode, List<String> innerCodes, String message, String requestId) {
    this(status, graphCode, innerCodes, message, requestId, null);
  }

  public GraphException(int status, String graphCode, List<String> innerCodes, String message, String requestId,
      String retryAfter) {
    super("graph_" + (graphCode == null ? String.valueOf(status) : graphCode), "Microsoft Graph answered " + status
        + (graphCode == null ? "" : " " + graphCode) + ": " + message, requestId, null);
    this.status = status;
    this.graphCode = graphCode;
    this.innerCodes = List.copyOf(innerCodes);
    this.retryAfter = retryAfter;
    this.graphMessage = message;
  }

  /** Graph's {@code Retry-After} header, or null. */
  public String retryAfter() {
    return retryAfter;
  }

  /** Graph's own message, as it gave it. */
  public String graphMessage() {
    return graphMessage;
  }

  public int status() {
    return status;
  }

  public String graphCode() {
    return graphCode;
  }

  public List<String> innerCodes() {
    return innerCodes;
  }
}
