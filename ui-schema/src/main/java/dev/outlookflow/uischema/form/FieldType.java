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
  /**
   * Who mail is from or to, for matching: each an address ({@code someone@contoso.com}) or a domain ({@code
   * @contoso.com}); at most {@link #MAX_LIST_ITEMS}, each at most {@link #MAX_ADDRESS_LENGTH} characters.
   */
  ADDRESSES_OR_DOMAINS,
  /** Several of an enum's constants ({@code List<SomeEnum>}), each at most once. */
  MULTI_SELECT,
  KEY_VALUE,
  ATTACHMENTS,
  /** The id of a stored connection of {@link FormField#connectionType()}. */
  CONNECTION;

  /** The most values a list field of an address kind holds. */
  public static final int MAX_LIST_ITEMS = 100;
  /** The longest email address (RFC 3696's 64 + 1 + 255). */
  public static final int MAX_ADDRESS_LENGTH = 320;
}
