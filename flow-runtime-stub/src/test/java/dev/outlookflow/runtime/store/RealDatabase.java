package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's real database in a test's folder, with the Vert.x instance its workers run on: for the
 * store's tests and for those of the services right above it.
 */
public final class RealDatabase implements AutoCloseable {
  private final Vertx vertx;
  private final Database db;

  private RealDatabase(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
  }

  public static RealDatabase open(Path folder) throws Exception {
    Vertx vertx = Vertx.vertx();
    return new RealDatabase(vertx, await(Database.open(vertx, folder)));
  }

  public Database db() {
    return db;
  }

  public Vertx vertx() {
    return vertx;
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    db.close();
    await(vertx.close());
  }
}
