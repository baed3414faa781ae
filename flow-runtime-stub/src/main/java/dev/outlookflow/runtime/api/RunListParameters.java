package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.model.RunQuery;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.MultiMap;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run list's query parameters, each checked: {@code flow}, {@code status}, {@code since}, {@code limit}
 * and {@code cursor}. A refusal names the parameter and says what it takes.
 */
final class RunListParameters {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 200;
  /** Runtime ids are UUIDs; anything much longer is no id of ours. */
  private static final int MAX_ID = 64;
  private static final int MAX_TIME = 64;
  private static final String FLOW = "flow";
  private static final List<String> OF_FLOW = List.of("status", "since", "limit", "cursor");
  private static final List<String> OF_WORKSPACE = List.of(FLOW, "status", "since", "limit", "cursor");

  private RunListParameters() {}

  /** The workspace's runs: {@code flow} narrows them to one flow's. */
  static RunQuery ofWorkspace(String workspaceId, MultiMap query) {
    return read(workspaceId, OF_WORKSPACE, query, one(query, FLOW));
  }

  /** One flow's runs, the flow named by the path: every parameter but {@code flow}. */
  static RunQuery ofFlow(String workspaceId, String flowId, MultiMap query) {
    return read(workspaceId, OF_FLOW, query, flowId);
  }

  private static RunQuery read(String workspaceId, List<String> allowed, MultiMap query, String flowId) {
    for (String name : query.names()) {
      if (!allowed.contains(name)) {
        String shown = name.length() > MAX_ID ? name.substring(0, MAX_ID) + "…" : name;
        throw Problem.invalid(shown, "unknown parameter '" + shown + "': this run list takes "
            + String.join(", ", allowed));
      }
    }
    if (flowId != null && (flowId.isEmpty() || flowId.length() > MAX_ID)) {
      throw Problem.invalid(FLOW, "flow must be a flow's id (up to " + MAX_ID + " characters), or left out");
    }
    String cursor = one(query, "cursor");
    return new RunQuery(workspaceId, flowId, status(one(query, "status")), since(one(query, "since")),
        cursor == null ? null : RunCursor.decode(cursor), limit(one(query, "limit")));
  }

  /** The parameter's one value, null when absent; given twice, it is refused rather than one picked. */
  private static String one(MultiMap query, String name) {
    List<String> values = query.getAll(name);
    if (values.size() > 1) {
      throw Problem.invalid(name, name + " is given " + values.size() + " times: give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static RunStatus status(String text) {
    if (text == null) {
      return null;
    }
    for (RunStatus status : RunStatus.values()) {
      if (status.value().equals(text)) {
        return status;
      }
    }
    throw Problem.invalid("status", "status must be one of " + Arrays.stream(RunStatus.values())
        .map(RunStatus::value).collect(Collectors.joining(", ")));
  }

  private static Long since(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() <= MAX_TIME) {
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException malformed) {
        // answered below
      }
    }
    throw Problem.invalid("since", "since is malformed: give an ISO-8601 date and time with its offset, such as "
        + "2024-05-01T08:00:00Z or 2024-05-01T10:00:00%2B02:00 (a + in a query is written %2B)");
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
