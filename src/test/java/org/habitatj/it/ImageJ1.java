package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs real ImageJ 1.x ({@code net.imagej:ij}, from the test class path) on a macro, under Xvfb,
 * with HabitatJ installed the way a user installs it: a jar whose name has an underscore in a
 * {@code plugins} folder, its {@code plugins.config} read by ImageJ at start-up.
 *
 * <p>ImageJ runs as {@code timeout 180 xvfb-run -a java -Dplugins.dir=DIR -cp DEPS ij.ImageJ
 * -batch macro.ijm}: no ImageJ window, but a display, so {@code run("...")}, the ROI Manager and
 * tables work (with {@code java.awt.headless=true} ImageJ 1.x cannot even build its menus, so
 * {@code run()} fails there). A dialog that waits for a user would block: {@code timeout} ends it.
 *
 * <p>Without {@code xvfb-run} the tests are skipped, unless the environment variable
 * {@code HABITATJ_REQUIRE_XVFB=1} is set (as {@code .ci/run} does), which makes them fail.
 */
public final class ImageJ1 {

  /** The result of one ImageJ run. */
  public record Run(int exitCode, String stdout, String stderr) {
    public String all() {
      return stdout + "\n" + stderr;
    }
  }

  private ImageJ1() {}

  /** Skips the calling test when Xvfb is missing (fails instead in CI). */
  public static void assumeXvfb() {
    boolean have = Files.isExecutable(Path.of("/usr/bin/xvfb-run"))
        || Files.isExecutable(Path.of("/usr/local/bin/xvfb-run"));
    if (!have && "1".equals(System.getenv("HABITATJ_REQUIRE_XVFB"))) {
      fail("xvfb-run is missing but HABITATJ_REQUIRE_XVFB=1 (install it: apt-get install xvfb)");
    }
    Assumptions.assumeTrue(have, "xvfb-run not installed: ImageJ macro tests skipped");
    Assumptions.assumeTrue(Files.isRegularFile(Path.of("target", "classpath.txt")),
        "target/classpath.txt missing (run through Maven)");
  }

  /**
   * Builds {@code dir/plugins/HabitatJ_.jar} from {@code target/classes} (with the project's
   * plugins.config), optionally adding {@code target/test-classes} and extra plugins.config lines
   * (test fixtures). Returns {@code dir}, the value for {@code -Dplugins.dir}.
   */
  public static Path install(Path dir, boolean withTestClasses, List<String> extraConfigLines)
      throws IOException {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = plugins.resolve("HabitatJ_.jar");
    List<String> config = new ArrayList<>(Files.readAllLines(Path.of("plugins.config")));
    config.addAll(extraConfigLines);
    java.util.Map<String, byte[]> entries = new java.util.TreeMap<>();
    addTree(entries, Path.of("target", "classes"));
    if (withTestClasses) {
      addTree(entries, Path.of("target", "test-classes"));
    }
    entries.put("plugins.config", String.join("\n", config).concat("\n").getBytes(StandardCharsets.UTF_8));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return dir;
  }

  /**
   * Adds the files below {@code root} to {@code entries}. SciJava plugin indexes
   * (META-INF/json/...) present in both trees are concatenated, as the SciJava index reader
   * accepts one JSON object per line.
   */
  private static void addTree(java.util.Map<String, byte[]> entries, Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String name = root.relativize(f).toString().replace('\\', '/');
      if (name.equals("plugins.config") || name.startsWith("META-INF/MANIFEST")) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(f);
      byte[] old = entries.get(name);
      if (old != null && name.startsWith("META-INF/json/")) {
        String joined = new String(old, StandardCharsets.UTF_8).stripTrailing() + "\n"
            + new String(bytes, StandardCharsets.UTF_8);
        bytes = joined.getBytes(StandardCharsets.UTF_8);
      }
      entries.put(name, bytes);
    }
  }

  /** Runs {@code macro} in ImageJ 1.x under Xvfb with HabitatJ from {@code ijDir}. */
  public static Run runMacro(Path ijDir, String macro, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path file = ijDir.resolve("test-" + System.nanoTime() + ".ijm");
    Files.writeString(file, macro, StandardCharsets.UTF_8);
    String cp = Files.readString(Path.of("target", "classpath.txt")).trim();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of("timeout", "-k", "5", Integer.toString(timeoutSeconds), "xvfb-run",
        "-a", java, "-Xmx2g", "-Dplugins.dir=" + ijDir.toAbsolutePath(),
        "-Duser.home=" + ijDir.toAbsolutePath(), "-cp", cp, "ij.ImageJ", "-batch",
        file.toAbsolutePath().toString());
    Path out = ijDir.resolve("stdout.txt");
    Path err = ijDir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    if (!p.waitFor(timeoutSeconds + 15L, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Quotes a path for a macro string literal. */
  public static String q(Path p) {
    return p.toAbsolutePath().toString().replace("\\", "/");
  }

}
