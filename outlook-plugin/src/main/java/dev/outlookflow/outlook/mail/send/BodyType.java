package dev.outlookflow.outlook.mail.send;

import dev.outlookflow.uischema.form.ChoiceLabel;

/** The body's format, as Graph names it. */
public enum BodyType {
  @ChoiceLabel("HTML")
  HTML("HTML"),
  @ChoiceLabel("Plain text")
  TEXT("Text");

  private final String graphName;

  BodyType(String graphName) {
    this.graphName = graphName;
  }

  String graphName() {
    return graphName;
  }
}
