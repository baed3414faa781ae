package dev.outlookflow.runtime.plugins;

import dev.outlookflow.plugin.api.Extension;

/** An extension under its full id ({@code plugin/local-id}) with the plugin that brought it. */
public record Registered<T extends Extension>(String id, String plugin, T extension) {}
