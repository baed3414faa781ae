package dev.outlookflow.outlook.settings;

/** Patterns of the connection editor's fields. */
public final class Patterns {
  static final String GUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  /** A tenant GUID or a verified domain. */
  static final String TENANT = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
      + "|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)$";
  public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  private Patterns() {}
}
