package dev.outlookflow.uischema.form;

/** The widgets a property panel knows; each maps to one JSON Schema shape and one UI control. */
public enum FieldType {
  /** Taken from the record component's Java type: String, boolean, numbers, enums (see {@link ChoiceLabel}). */
  INFERRED,
  TEXT,
  MULTILINE,
  HTML,
  /** Write-only: stored encrypted, never echoed back. */
  SECRET,
  BOOLEAN,
  NUMBER,
  DROPDOWN,
  /** Options come from the extension's options loader at design time. */
  DYNAMIC_DROPDOWN,
  EMAIL_LIST,
  /** Mail recipients: each {@code someone@contoso.com} or {@code Display Name <someone@contoso.com>}. */
  RECIPIENTS,
  KEY_VALUE,
  ATTACHMENTS,
  /** The id of a stored connection of {@link FormField#connectionType()}. */
  CONNECTION
}
