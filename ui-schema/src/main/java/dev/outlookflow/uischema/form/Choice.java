package dev.outlookflow.uischema.form;

/** A fixed option of a dropdown: the value stored, and what the property panel shows. */
public record Choice(String value, String label) {}
