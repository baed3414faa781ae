package dev.outlookflow.runtime.problem;

import dev.outlookflow.uischema.form.Form;
import dev.outlookflow.uischema.validation.FormValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** One compiled validator per form: compiling a schema costs far more than using it. */
public final class Validators {
  private final Map<Form, FormValidator> byForm = Collections.synchronizedMap(new IdentityHashMap<>());

  public FormValidator of(Form form) {
    return byForm.computeIfAbsent(form, FormValidator::new);
  }
}
