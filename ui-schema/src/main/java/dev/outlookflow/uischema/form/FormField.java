package dev.outlookflow.uischema.form;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record component as a property-panel field. The record is the single declaration of a
 * form: {@link Form#of(Class)} derives the JSON Schema, the UI hints and the validation from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FormField {
  String label();

  FieldType type() default FieldType.INFERRED;

  /** Group label; fields of one group are shown together, groups in order of first use. */
  String group() default "";

  String help() default "";

  String placeholder() default "";

  /**
   * Default value: plain text for text-like fields and dropdowns (the stored value, e.g. {@code
   * auth_code}), JSON for the others (e.g. {@code 25}, {@code true}).
   */
  String defaultValue() default "";

  /** Required whenever the field is visible. */
  boolean required() default false;

  String pattern() default "";

  double minimum() default Double.NaN;

  double maximum() default Double.NaN;

  int minLength() default -1;

  int maxLength() default -1;

  /** The field accepts {@code {{trigger.x}}} and {@code {{steps.id.x}}} expressions. */
  boolean expressions() default false;

  /**
   * Visibility condition {@code otherField=value} or {@code otherField=a|b}: the field is shown (and
   * required, if it is) only when the other field has one of those values.
   */
  String visibleWhen() default "";

  /** For {@link FieldType#CONNECTION}: the connection type id, e.g. {@code outlook/microsoft365}. */
  String connectionType() default "";

  /** For {@link FieldType#DYNAMIC_DROPDOWN}: fields whose change reloads the options. */
  String[] dependsOn() default {};
}
