package dev.outlookflow.uischema.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/** The length of a value's JSON encoding, escapes aside, without building it. */
final class JsonSize {
  private JsonSize() {}

  /** Walks with a stack of its own: a deeply nested value must not overflow the thread's. */
  static long of(JsonNode root) {
    long size = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual()) {
        size += node.textValue().length() + 2L;
      } else if (node.isObject()) {
        size += 2L + Math.max(0, node.size() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> member = it.next();
          size += member.getKey().length() + 3L;
          pending.push(member.getValue());
        }
      } else if (node.isArray()) {
        size += 2L + Math.max(0, node.size() - 1);
        node.forEach(pending::push);
      } else {
        size += node.asText().length();
      }
    }
    return size;
  }
}
