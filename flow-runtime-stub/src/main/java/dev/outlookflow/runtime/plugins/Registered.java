package dev.outlookflow.runtime.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.uischema.form.Form;
import java.util.Optional;

/**
 * An extension under its full id ({@code plugin/local-id}) with the plugin that brought it, its form
 * (from its properties' record) and, for actions and triggers, the JSON Schema of what it produces:
 * both derived once, when it is registered.
 */
public record Registered<T extends Extension>(String id, String plugin, T extension, Form form,
    Optional<ObjectNode> output) {}
