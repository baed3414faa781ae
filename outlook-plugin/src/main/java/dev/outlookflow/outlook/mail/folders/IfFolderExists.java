package dev.outlookflow.outlook.mail.folders;

import dev.outlookflow.uischema.form.ChoiceLabel;

/** What creating a folder whose name is taken does. */
public enum IfFolderExists {
  @ChoiceLabel("Fail the step, saying so")
  FAIL,
  @ChoiceLabel("Use the existing folder")
  USE_EXISTING
}
