package dev.outlookflow.uischema.form;

/**
 * A fixed option of a dropdown. Implemented by enums so that a record component of that enum type
 * becomes a dropdown whose stored value is {@link #value()}.
 */
public interface Choice {
  /** The value stored in the flow or connection. */
  String value();

  /** What the property panel shows. */
  String label();
}
