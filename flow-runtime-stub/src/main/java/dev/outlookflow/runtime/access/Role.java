package dev.outlookflow.runtime.access;

/** What an API key may do. */
public enum Role {
  /** Creates workspaces and their keys; an admin of workspace {@code default}. */
  INSTANCE_ADMIN("instance_admin"),
  /** Manages the connections and keys of its workspace, and everything a designer does. */
  ADMIN("admin"),
  /** Reads the catalog, lists connections without their properties, manages flows, reads and cancels runs. */
  DESIGNER("designer");

  private final String value;

  Role(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Role of(String value) {
    for (Role role : values()) {
      if (role.value.equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role " + value);
  }
}
