package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.engine.RunHistory;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.model.RunQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Runs: the workspace's and a flow's, filtered and paged; a run's record; cancelling a run. */
final class RunRoutes {
  private final FlowService flows;
  private final RunHistory runs;
  private final RunEngine engine;

  RunRoutes(FlowService flows, RunHistory runs, RunEngine engine) {
    this.flows = flows;
    this.runs = runs;
    this.engine = engine;
  }

  void mount(Router router) {
    router.get("/api/v1/runs").handler(this::list);
    router.get("/api/v1/flows/:id/runs").handler(this::listOfFlow);
    router.get("/api/v1/runs/:id").handler(this::record);
    router.post("/api/v1/runs/:id/cancel").handler(this::cancel);
  }

  private void list(RoutingContext ctx) {
    Http.respond(ctx, 200, page(RunListParameters.ofWorkspace(ws(ctx), ctx.queryParams())));
  }

  private void listOfFlow(RoutingContext ctx) {
    Http.respond(ctx, 200, page(RunListParameters.ofFlow(ws(ctx), ctx.pathParam("id"), ctx.queryParams())));
  }

  /** A flow named but unknown to the workspace answers 404, not an empty list that hides the mistake. */
  private Future<JsonObject> page(RunQuery query) {
    Future<?> flowKnown = query.flowId() == null ? Future.succeededFuture() : flows.get(query.workspaceId(),
        query.flowId());
    return flowKnown.compose(known -> runs.list(query)).map(Views::runPage);
  }

  private void record(RoutingContext ctx) {
    Http.respond(ctx, 200, record(ws(ctx), ctx.pathParam("id")));
  }

  /** 202: the run may still be stopping its step in flight; its status tells when it has ended. */
  private void cancel(RoutingContext ctx) {
    String runId = ctx.pathParam("id");
    Http.respond(ctx, 202, engine.cancel(ws(ctx), runId).compose(requested -> record(ws(ctx), runId)));
  }

  private Future<JsonObject> record(String workspaceId, String runId) {
    return runs.find(workspaceId, runId).map(found -> Views.run(found.run(), found.steps()));
  }

  private static String ws(RoutingContext ctx) {
    return Principals.of(ctx).workspaceId();
  }
}
