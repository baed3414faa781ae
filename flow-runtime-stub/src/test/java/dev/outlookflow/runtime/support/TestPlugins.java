package dev.outlookflow.runtime.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Plugin folders for tests, filled with the zips the reactor built (never classes on our classpath). */
public final class TestPlugins {
  private TestPlugins() {}

  /** The test plugin's zip, as built by the test-plugin module. */
  public static Path testPluginZip() {
    String dir = System.getProperty("testPluginsDir");
    if (dir == null) {
      throw new IllegalStateException("system property testPluginsDir is not set: run the tests through Maven");
    }
    return Path.of(dir, "test-plugin-plugin.zip");
  }

  /** A plugins folder holding the test plugin. */
  public static Path folderWithTestPlugin(Path parent) throws IOException {
    Path folder = Files.createDirectories(parent.resolve("plugins"));
    Files.copy(testPluginZip(), folder.resolve("test-plugin.zip"));
    return folder;
  }

  public static void addCorruptZip(Path folder, String name) throws IOException {
    Files.writeString(folder.resolve(name), "this is not a zip archive");
  }

  /** A copy of the test plugin under another id whose plugin.requires no runtime of ours meets. */
  public static void addPluginRequiring(Path folder, String name, String pluginId, String requires)
      throws IOException {
    try (ZipFile source = new ZipFile(testPluginZip().toFile());
        OutputStream file = Files.newOutputStream(folder.resolve(name));
        ZipOutputStream target = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        target.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("plugin.properties")) {
          String properties = new String(source.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)
              .replaceAll("(?m)^plugin.id=.*$", "plugin.id=" + pluginId)
              .replaceAll("(?m)^plugin.requires=.*$", "plugin.requires=" + requires);
          target.write(properties.getBytes(StandardCharsets.UTF_8));
        } else if (!entry.isDirectory()) {
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(target);
          }
        }
        target.closeEntry();
      }
    }
  }
}
