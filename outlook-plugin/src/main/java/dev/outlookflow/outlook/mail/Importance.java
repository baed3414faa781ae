package dev.outlookflow.outlook.mail;

import dev.outlookflow.uischema.form.ChoiceLabel;
import java.util.Locale;

/** Graph's message importance (what a mail is sent with, what a new-mail filter takes); the stored value is Graph's. */
public enum Importance {
  @ChoiceLabel("Low")
  LOW,
  @ChoiceLabel("Normal")
  NORMAL,
  @ChoiceLabel("High")
  HIGH;

  /** As Graph names it (and the form stores it): {@code low}, {@code normal}, {@code high}. */
  public String graphName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
