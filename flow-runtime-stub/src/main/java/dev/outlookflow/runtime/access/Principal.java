package dev.outlookflow.runtime.access;

import dev.outlookflow.runtime.problem.Problem;

/** Who a request acts as: the key, its workspace and its role. */
public record Principal(String keyId, String workspaceId, Role role) {

  public boolean isAdmin() {
    return role == Role.ADMIN || role == Role.INSTANCE_ADMIN;
  }

  public boolean isInstanceAdmin() {
    return role == Role.INSTANCE_ADMIN;
  }

  /** Refuses with 403 unless the key is an admin key of its workspace. */
  public void requireAdmin(String action) {
    if (!isAdmin()) {
      throw Problem.forbidden(action + " needs an admin key of this workspace; this key is a " + role.value() + " key");
    }
  }

  /** Whether this key may see or manage the keys of {@code workspaceId}. */
  public boolean administers(String workspaceId) {
    return isInstanceAdmin() || (role == Role.ADMIN && this.workspaceId.equals(workspaceId));
  }
}
