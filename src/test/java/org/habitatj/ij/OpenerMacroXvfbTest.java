package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.habitatj.core.image.Masks;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.MedicalImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real ImageJ 1.x (under Xvfb, skipped where xvfb-run is missing): a plugin jar
 * with the opener/saver menu lines, a macro that opens the bundled NIfTI mask through File ›
 * Import, makes it ImageJ-binary (×255) and saves it through File › Save As; the saved file is on
 * the same grid with the same 8862 voxels as label 1.
 */
class OpenerMacroXvfbTest {

  @TempDir Path tmp;

  private static Path location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void openAndSaveThroughImageJMenus() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")), "xvfb-run not installed");
    Path classes = location(MedicalVolumeOpener.class);
    Path ijJar = location(ij.ImageJ.class);
    Path imglib = location(net.imglib2.img.Img.class);
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Files.createDirectories(plugins.resolve("jars"));
    Files.copy(imglib, plugins.resolve("jars").resolve(imglib.getFileName()));
    try (JarOutputStream jar = new JarOutputStream(
        Files.newOutputStream(plugins.resolve("HabitatJ_test.jar")))) {
      jar.putNextEntry(new JarEntry("plugins.config"));
      jar.write(("File>Import, \"NIfTI/NRRD (HabitatJ)...\", org.habitatj.ij.MedicalVolumeOpener\n"
          + "File>Save As, \"Save NIfTI/NRRD (HabitatJ)...\", org.habitatj.ij.MedicalVolumeSaver\n")
          .getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
      try (Stream<Path> s = Files.walk(classes)) {
        for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().equals("plugins.config"))::iterator) {
          jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, jar);
          jar.closeEntry();
        }
      }
    }
    Path mask = Path.of("test-images/STS_008/MR_T1_mask.nii.gz").toAbsolutePath();
    Path out = tmp.resolve("saved_mask.nii.gz");
    Path macro = tmp.resolve("m.ijm");
    Files.writeString(macro,
        "run(\"NIfTI/NRRD (HabitatJ)...\", \"open=" + mask + "\");\n"
            + "getVoxelSize(w, h, d, u);\n"
            + "print(\"opened \" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices + \" \" + u);\n"
            + "run(\"Multiply...\", \"value=255 stack\");\n"
            + "run(\"Save NIfTI/NRRD (HabitatJ)...\", \"save=" + out + "\");\n");
    Process p = new ProcessBuilder(List.of("timeout", "120", "xvfb-run", "-a",
        javaBin(), "-Dplugins.dir=" + tmp, "-jar", ijJar.toString(), "-batch", macro.toString()))
        .redirectErrorStream(true).start();
    String log;
    try (OutputStream ignored = p.getOutputStream()) {
      log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(150, TimeUnit.SECONDS));
    assertTrue(log.contains("opened 77x79x28 mm"), log);
    assertTrue(Files.exists(out), log);
    LoadedImage saved = MedicalImageReader.read(out);
    LoadedImage orig = MedicalImageReader.read(mask);
    assertTrue(saved.geometry().sameGrid(orig.geometry()));
    assertEquals(8862, Masks.fromLabelImage(saved.volume(), Masks.LabelChoice.label(1))
        .mask().count());
  }

  private static String javaBin() throws IOException {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
