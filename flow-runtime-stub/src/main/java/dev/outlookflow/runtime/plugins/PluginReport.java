package dev.outlookflow.runtime.plugins;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Which plugin files were loaded and which were refused, and why. */
public record PluginReport(List<Loaded> loaded, List<Refused> refused) {

  public record Loaded(String id, String version, String file) {}

  public record Refused(String file, String reason) {}

  public JsonObject toJson() {
    JsonArray loadedJson = new JsonArray();
    loaded.forEach(p -> loadedJson.add(new JsonObject().put("id", p.id()).put("version", p.version())
        .put("file", p.file())));
    JsonArray refusedJson = new JsonArray();
    refused.forEach(p -> refusedJson.add(new JsonObject().put("file", p.file()).put("reason", p.reason())));
    return new JsonObject().put("loaded", loadedJson).put("refused", refusedJson);
  }
}
