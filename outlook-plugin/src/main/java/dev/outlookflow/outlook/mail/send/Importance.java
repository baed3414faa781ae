package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.uischema.form.ChoiceLabel;

/** Graph's message importance; the stored value is Graph's. */
public enum Importance {
  @ChoiceLabel("Low")
  LOW,
  @ChoiceLabel("Normal")
  NORMAL,
  @ChoiceLabel("High")
  HIGH
}
