package dev.outlookflow.uischema.form;

/**
 * One item of an {@link FieldType#ATTACHMENTS} field, as its resolved value looks. A {@code contentId}
 * makes it an inline part that an HTML body shows with {@code <img src="cid:...">}.
 */
public record Attachment(String name, String contentType, String contentBase64, String contentId) {}
