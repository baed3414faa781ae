package dev.outlookflow.uischema.form;

/** One item of an {@link FieldType#ATTACHMENTS} field, as its resolved value looks. */
public record Attachment(String name, String contentType, String contentBase64) {}
