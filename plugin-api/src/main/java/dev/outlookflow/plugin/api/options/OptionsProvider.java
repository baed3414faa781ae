package dev.outlookflow.plugin.api.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;

/**
 * Implemented by an extension whose form has {@code DYNAMIC_DROPDOWN} fields: loads a field's
 * options from the form's current values (as entered: a field may hold an expression) (e.g. the folders of the chosen mailbox).
 */
public interface OptionsProvider {
  Future<List<Option>> loadOptions(OptionsContext context, String field, ObjectNode values);
}
