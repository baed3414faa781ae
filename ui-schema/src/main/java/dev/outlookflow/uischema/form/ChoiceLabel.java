package dev.outlookflow.uischema.form;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the property panel shows for an enum constant of a dropdown. A record component of an enum
 * type is a dropdown whose stored values are the constants' names in lower case ({@code AUTH_CODE}
 * is stored as {@code auth_code}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ChoiceLabel {
  String value();
}
