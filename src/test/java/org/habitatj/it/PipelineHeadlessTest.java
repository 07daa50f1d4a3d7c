package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.habitatj.commands.PipelineRecordingTest;
import org.habitatj.ij.CommandBridge;
import org.habitatj.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case C20 on "Run ITH Pipeline": with {@code java.awt.headless=true} (surefire's setting) the
 * ImageJ 1.x plugin entry point, called as a macro's run() calls it, with a full option string
 * (16×16×3 TIFF image + TIFF label image, features, ring 3 mm, K = 3, nomogram on) writes the
 * CSV without a HeadlessException or any window; the same line in ImageJ with a display (Xvfb,
 * batch mode) gives a byte-identical results CSV.
 */
class PipelineHeadlessTest {

  @TempDir Path tmp;

  @Test
  void headlessRunWritesTheCsvAndMatchesTheDisplayRun() throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless());
    Path img = tmp.resolve("c20 image.tif");
    Path mask = tmp.resolve("c20 mask.tif");
    PipelineRecordingTest.writeSynthetic(img, mask);
    String line = "image=[%s] image_file=[] mask_source=[label image] mask_file=[] mask_image=[%s] "
        + "label=1 settings_file=[] bin_width=10 ring_mm=3 habitats=3 k_selection=fixed seed=0 "
        + "window_radius=1 masked_window=true bins_per_window=false map_families=[firstorder,glcm] "
        + "all_slices=true roma=55 composition=solid case_id=c20 output_dir=[%s]";
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(() -> {
      ij.Macro.setOptions(String.format(line, img, mask, tmp.resolve("headless")));
      try {
        new CommandBridge().run("org.habitatj.commands.RunIthPipelineCommand");
      } catch (Throwable e) {
        thrown[0] = e;
      } finally {
        ij.Macro.setOptions(null);
      }
    }, "Run$_c20");
    t.start();
    t.join();
    assertNull(thrown[0], () -> "the bridge threw " + thrown[0]);
    assertEquals("", CommandBridge.lastError());
    Path csv = tmp.resolve("headless/results.csv");
    Map<String, String> row = CsvTable.read(csv).get(0);
    assertEquals("3", row.get("habitat_k"));
    assertFalse(row.get("nomogram_probability").isEmpty(), "nomogram on");
    assertTrue(Double.parseDouble(row.get("combined_ith_score")) >= 0);
    assertEquals(0, java.awt.Window.getWindows().length, "no window created");

    // the same line in ImageJ 1.x with a display (Xvfb), opened images in batch mode
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macro = String.join("\n", "setBatchMode(true);",
        "open('" + ImageJ1.q(img) + "');", "open('" + ImageJ1.q(mask) + "');",
        "run('Run ITH Pipeline', '" + String.format(line, "c20 image.tif", "c20 mask.tif",
            ImageJ1.q(tmp.resolve("display"))) + "');");
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 150);
    assertEquals(0, run.exitCode(), run.all());
    assertEquals(Files.readString(csv), Files.readString(tmp.resolve("display/results.csv")));
  }
}
