package dev.outlookflow.runtime.access;

import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.model.ApiKeyRecord;
import dev.outlookflow.runtime.model.WorkspaceRecord;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.AccessStore;
import dev.outlookflow.uischema.validation.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Workspaces and API keys: who a key is, and who may create workspaces and keys. A key never sees
 * that another workspace's resources exist: they answer 404, like unknown ones.
 */
public final class AccessService {
  public static final String DEFAULT_WORKSPACE = "default";
  private static final int MAX_NAME = 200;

  private final AccessStore store;
  private final RuntimeEnvironment environment;

  public AccessService(AccessStore store, RuntimeEnvironment environment) {
    this.store = store;
    this.environment = environment;
  }

  /** A key as handed out: its value is shown this once and never stored. */
  public record IssuedKey(ApiKeyRecord record, String value) {}

  /** The principal of a presented key; empty when it is missing, unknown or revoked. */
  public Future<Optional<Principal>> authenticate(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 200) {
      return Future.succeededFuture(Optional.empty());
    }
    return store.activeKey(ApiKeys.hash(presented)).map(found -> found.map(
        key -> new Principal(key.id(), key.workspaceId(), Role.of(key.role()))));
  }

  public Future<WorkspaceRecord> createWorkspace(Principal principal, JsonObject body) {
    if (!principal.isInstanceAdmin()) {
      throw Problem.forbidden("creating workspaces needs the instance admin key");
    }
    if (!(body.getValue("name") instanceof String name) || name.isBlank() || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw Problem.invalid("name", "name is required: text of 1 to " + MAX_NAME + " characters, no control characters");
    }
    WorkspaceRecord row = new WorkspaceRecord(UUID.randomUUID().toString(), name.strip(),
        environment.now());
    return store.insertWorkspace(row.id(), row.name(), row.createdAt()).map(row);
  }

  public Future<List<WorkspaceRecord>> workspaces(Principal principal) {
    return store.workspaces().map(all -> all.stream()
        .filter(w -> principal.isInstanceAdmin() || w.id().equals(principal.workspaceId()))
        .toList());
  }

  public Future<IssuedKey> createKey(Principal principal, String workspaceId, JsonObject body) {
    return administered(principal, workspaceId).compose(v -> {
      Object role = body.getValue("role");
      if (!Role.ADMIN.value().equals(role) && !Role.DESIGNER.value().equals(role)) {
        throw Problem.invalid(List.of(new FieldError("role", "role must be admin or designer")));
      }
      String value = ApiKeys.newKey();
      ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID().toString(), workspaceId, (String) role,
          ApiKeys.hash(value), environment.now(), null);
      return store.insertKey(record).map(new IssuedKey(record, value));
    });
  }

  public Future<List<ApiKeyRecord>> keys(Principal principal, String workspaceId) {
    return administered(principal, workspaceId).compose(v -> store.keys(workspaceId));
  }

  public Future<Void> revokeKey(Principal principal, String workspaceId, String keyId) {
    return administered(principal, workspaceId)
        .compose(v -> store.revoke(workspaceId, keyId, environment.now()))
        .compose(revoked -> revoked
            ? Future.succeededFuture()
            : Future.failedFuture(Problem.notFound("active key", keyId)));
  }

  /** Own workspace without admin rights: 403; someone else's or unknown: 404. */
  private Future<Void> administered(Principal principal, String workspaceId) {
    if (principal.workspaceId().equals(workspaceId) && !principal.isAdmin()) {
      return Future.failedFuture(Problem.forbidden("managing keys needs an admin key of this workspace"));
    }
    if (!principal.administers(workspaceId)) {
      return Future.failedFuture(Problem.notFound("workspace", workspaceId));
    }
    return store.workspaceName(workspaceId).compose(name -> name.isPresent()
        ? Future.succeededFuture()
        : Future.failedFuture(Problem.notFound("workspace", workspaceId)));
  }
}
