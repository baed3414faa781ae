package dev.outlookflow.runtime.api;

import dev.outlookflow.plugin.api.Extension;
import dev.outlookflow.plugin.api.ExtensionException;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.options.OptionsContext;
import dev.outlookflow.plugin.api.options.OptionsProvider;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.uischema.form.FieldDefinition;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.Optional;

/** The catalog of loaded extensions with their forms and output schemas, and dynamic dropdown options. */
final class CatalogRoutes {
  private final ExtensionRegistry registry;
  private final ConnectionService connections;
  private final RuntimeEnvironment environment;

  CatalogRoutes(ExtensionRegistry registry, ConnectionService connections, RuntimeEnvironment environment) {
    this.registry = registry;
    this.connections = connections;
    this.environment = environment;
  }

  void mount(Router router) {
    router.get("/api/v1/catalog").handler(this::catalog);
    // Extension ids contain a slash (plugin/id), so the id is matched as a regex group.
    router.postWithRegex("/api/v1/catalog/(?<kind>[^/]+)/(?<id>.+)/options/(?<field>[^/]+)")
        .handler(this::options);
  }

  /**
   * Options that come from a connection cannot be loaded before one is chosen: the designer is told
   * which field to fill, not that the remote service failed.
   */
  private static void requireChosenConnection(Form form, String field, JsonObject values) {
    for (String dependency : form.field(field).orElseThrow().dependsOn()) {
      Optional<FieldDefinition> source = form.field(dependency);
      boolean blank = !(values.getValue(dependency) instanceof String chosen) || chosen.isBlank();
      if (source.isPresent() && source.get().type() == FieldType.CONNECTION && blank) {
        throw Problem.invalid(dependency, "choose a connection first: the options of '" + field + "' come from it");
      }
    }
  }

  private void catalog(RoutingContext ctx) {
    Http.json(ctx, 200, new JsonObject()
        .put("connectionTypes", entries(registry.connectionTypes()))
        .put("actions", entries(registry.actions()))
        .put("triggers", entries(registry.triggers())));
  }

  private static JsonArray entries(Collection<? extends Registered<? extends Extension>> all) {
    JsonArray entries = new JsonArray();
    for (Registered<? extends Extension> r : all) {
      JsonObject entry = new JsonObject()
          .put("id", r.id())
          .put("name", r.extension().descriptor().name())
          .put("description", r.extension().descriptor().description())
          .put("plugin", r.plugin())
          .put("schema", JsonBridge.object(r.form().schema()))
          .put("ui", JsonBridge.object(r.form().ui()));
      r.output().ifPresent(output -> entry.put("output", JsonBridge.object(output)));
      if (r.extension() instanceof Action<?, ?> action) {
        entry.put("supportsRecovery", action.descriptor().supportsRecovery());
      }
      entries.add(entry);
    }
    return entries;
  }

  private void options(RoutingContext ctx) {
    String kind = ctx.pathParam("kind");
    String id = ctx.pathParam("id");
    String field = ctx.pathParam("field");
    JsonObject values = Http.optionalBody(ctx);
    Registered<? extends Extension> extension = find(kind, id)
        .orElseThrow(() -> Problem.notFound(kindName(kind), id));
    Form form = extension.form();
    boolean dynamic = form.field(field).map(f -> f.type() == FieldType.DYNAMIC_DROPDOWN).orElse(false);
    if (!dynamic || !(extension.extension() instanceof OptionsProvider provider)) {
      throw Problem.notFound("dynamic dropdown field of " + id, field);
    }
    requireChosenConnection(form, field, values);
    Http.respond(ctx, 200, connections.forForm(Principals.of(ctx).workspaceId(), form, values)
        .compose(connection -> provider.loadOptions(context(connection), field, JsonBridge.tree(values)))
        .recover(failure -> Future.failedFuture(failure instanceof ExtensionException refused
            ? Problem.upstream("the options of '" + field + "' could not be loaded: " + refused.getMessage())
            : failure))
        .map(options -> {
          JsonArray list = new JsonArray();
          options.forEach(o -> list.add(new JsonObject().put("value", o.value()).put("label", o.label())));
          return new JsonObject().put("options", list);
        }));
  }

  private Optional<? extends Registered<? extends Extension>> find(String kind, String id) {
    return switch (kind) {
      case "actions" -> registry.action(id);
      case "triggers" -> registry.trigger(id);
      case "connectionTypes" -> registry.connectionType(id);
      default -> throw Problem.badRequest(
          "unknown catalog kind '" + kind + "'; use connectionTypes, actions or triggers");
    };
  }

  private static String kindName(String kind) {
    return switch (kind) {
      case "actions" -> "action";
      case "triggers" -> "trigger";
      default -> "connection type";
    };
  }

  private OptionsContext context(Optional<ConnectionHandle> connection) {
    return new OptionsContext() {
      @Override
      public Optional<ConnectionHandle> connection() {
        return connection;
      }

      @Override
      public PluginEnvironment environment() {
        return environment;
      }
    };
  }
}
