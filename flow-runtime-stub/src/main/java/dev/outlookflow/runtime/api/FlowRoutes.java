package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.engine.PayloadMemory;
import dev.outlookflow.runtime.flows.FlowService;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Flows: CRUD, enable and disable, their trigger's status, start a run (their runs are {@link RunRoutes}'). */
final class FlowRoutes {
  private final FlowService flows;
  private final WorkerExecutor payloads;
  private final PayloadMemory memory;

  /**
   * {@code payloads}: where a run's event (up to 32 MiB) is parsed, off the event loop; {@code memory}:
   * how many events the heap can hold while they are parsed and stored.
   */
  FlowRoutes(FlowService flows, WorkerExecutor payloads, PayloadMemory memory) {
    this.flows = flows;
    this.payloads = payloads;
    this.memory = memory;
  }

  void mount(Router router) {
    router.get("/api/v1/flows").handler(this::list);
    router.post("/api/v1/flows").handler(this::create);
    router.get("/api/v1/flows/:id").handler(this::get);
    router.put("/api/v1/flows/:id").handler(this::update);
    router.delete("/api/v1/flows/:id").handler(this::delete);
    router.post("/api/v1/flows/:id/enable").handler(this::enable);
    router.post("/api/v1/flows/:id/disable").handler(this::disable);
    router.get("/api/v1/flows/:id/trigger").handler(this::trigger);
    router.post("/api/v1/flows/:id/run").handler(this::run);
  }

  private void list(RoutingContext ctx) {
    Http.respond(ctx, 200, flows.list(ws(ctx)).map(all -> {
      JsonArray list = new JsonArray();
      all.forEach(f -> list.add(view(f)));
      return new JsonObject().put("flows", list);
    }));
  }

  private void create(RoutingContext ctx) {
    Http.respond(ctx, 201, parsed(ctx).compose(flow -> flows.create(ws(ctx), flow)).map(this::view));
  }

  private void get(RoutingContext ctx) {
    Http.respond(ctx, 200, flows.get(ws(ctx), ctx.pathParam("id")).map(this::view));
  }

  private void update(RoutingContext ctx) {
    Http.respond(ctx, 200, parsed(ctx).compose(flow -> flows.update(ws(ctx), ctx.pathParam("id"), flow))
        .map(this::view));
  }

  /** A flow definition (up to 1 MiB) parsed on a worker, off the event loop. */
  private Future<JsonObject> parsed(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    return payloads.executeBlocking(() -> Http.body(body), false);
  }

  private void delete(RoutingContext ctx) {
    Http.noContent(ctx, flows.delete(ws(ctx), ctx.pathParam("id")));
  }

  private void enable(RoutingContext ctx) {
    Http.respond(ctx, 200, flows.enable(ws(ctx), ctx.pathParam("id")).map(this::view));
  }

  private void disable(RoutingContext ctx) {
    Http.respond(ctx, 200, flows.disable(ws(ctx), ctx.pathParam("id")).map(this::view));
  }

  /** Any key of the workspace may read it, as it may read the flow. */
  private void trigger(RoutingContext ctx) {
    Http.respond(ctx, 200, flows.get(ws(ctx), ctx.pathParam("id"))
        .map(flow -> Views.trigger(flow, flows.triggerStatus(flow.id()))));
  }

  private void run(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    long size = body == null ? 0 : body.length();
    PayloadMemory.Reservation room = memory.tryReserve(size).orElseThrow(() -> size > memory.largestPayload()
        ? Problem.tooLarge(String.format(Locale.ROOT, "the event is %,d bytes; this runtime's memory takes events of "
            + "up to %,d bytes: send a smaller event, or give the runtime more memory (java -Xmx)", size,
            memory.largestPayload()))
        : Problem.busy("the runtime is handling as many large events as its memory allows: send this one again "
            + "shortly"));
    // The run keeps the room once stored, until it has executed; refused before that, it lets it go.
    Http.respond(ctx, 202, payloads.executeBlocking(() -> Http.optionalBody(body), false)
        .compose(event -> flows.run(ws(ctx), ctx.pathParam("id"), event, room))
        .onFailure(refused -> room.release())
        .map(runId -> new JsonObject().put("runId", runId).put("status", "queued")));
  }

  private static String ws(RoutingContext ctx) {
    return Principals.of(ctx).workspaceId();
  }

  private JsonObject view(FlowRecord flow) {
    return Views.flow(flow, flows.triggerStatus(flow.id()).toJson());
  }
}
