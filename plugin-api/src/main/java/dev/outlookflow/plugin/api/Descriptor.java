package dev.outlookflow.plugin.api;

/**
 * What the catalog shows of an extension, declared once ({@code ActionDescriptor}, {@code
 * TriggerDescriptor}, {@code ConnectionTypeDescriptor}). The runtime derives the property panel from
 * {@link #properties()} (a record of {@code @FormField} components) and binds the panel's values to it.
 */
public interface Descriptor {
  /**
   * Unique within the plugin: lower-case letters, digits and dashes. The runtime prefixes it with the
   * plugin id, so an action {@code send-email} of plugin {@code outlook} is {@code outlook/send-email}.
   */
  String id();

  String name();

  String description();

  /** The property panel's record; {@link NoProperties} when there is none. */
  Class<? extends Record> properties();
}
