package dev.outlookflow.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark reads of another JVM: its heap in use after a full collection (the JDK's {@code jcmd}), and the
 * CPU time it used so far ({@code /proc/PID/stat}, Linux).
 */
final class ProcessProbe {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static final long TICKS_PER_SECOND = 100;
  private final long pid;

  ProcessProbe(long pid) {
    this.pid = pid;
  }

  /** Bytes of heap in use right after a full collection. */
  long heapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher used = USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no 'used': is the JDK's jcmd on the PATH?");
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  /** CPU seconds (user and system) the process used so far. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // After the name: state is field 3 of stat(5); utime and stime are fields 14 and 15.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + output);
    }
    return output;
  }
}
