package dev.outlookflow.sandbox.delta;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One answer of a delta query: its items and either a skip token (more pages in this round) or, when
 * {@code complete}, the delta token the next round starts from.
 */
public record DeltaPage(List<JsonObject> value, String token, boolean complete) {}
