package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.frame.Recorder;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.CommandParameter;
import org.habitatj.ij.MacroOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case C19 on the real "Run ITH Pipeline" command: a run with every dialog field set (optional
 * files left empty, K = 4) is recorded; the recorded string has exactly the documented keys, empty
 * optional values as {@code []}; replaying it (headless, the macro path) on a 16×16×3 synthetic
 * image + mask gives a byte-identical results CSV.
 */
public class PipelineRecordingTest {

  /** The keys documented in the README, in dialog order. */
  static final List<String> DOCUMENTED = List.of("image", "image_file", "mask_source", "mask_file",
      "mask_image", "label", "settings_file", "bin_width", "ring_mm", "habitats", "k_selection",
      "seed", "window_radius", "masked_window", "bins_per_window", "map_families", "all_slices", "roma", "composition", "case_id",
      "output_dir", "overwrite");

  @TempDir Path tmp;

  @Test
  void recordedLineHasTheDocumentedKeysAndReplaysToTheSameCsv() throws Exception {
    Path img = tmp.resolve("synthetic image.tif");
    Path mask = tmp.resolve("synthetic mask.tif");
    writeSynthetic(img, mask);
    Map<String, String> dialog = new LinkedHashMap<>();
    dialog.put("image", "");
    dialog.put("image_file", "");
    dialog.put("mask_source", "label image");
    dialog.put("mask_file", "");
    dialog.put("mask_image", mask.toString());
    dialog.put("label", "1");
    dialog.put("settings_file", "");
    dialog.put("bin_width", "10");
    dialog.put("ring_mm", "2");
    dialog.put("habitats", "4");
    dialog.put("k_selection", "fixed");
    dialog.put("seed", "3");
    dialog.put("window_radius", "1");
    dialog.put("masked_window", "true");
    dialog.put("bins_per_window", "false");
    dialog.put("map_families", "firstorder,glcm");
    dialog.put("all_slices", "true");
    dialog.put("roma", "");
    dialog.put("composition", "none");
    dialog.put("case_id", "synthetic case");
    dialog.put("output_dir", tmp.resolve("interactive").toString());
    dialog.put("overwrite", "false");
    dialog.put("image", img.toString());

    List<CommandParameter> params = CommandBridge.parameters(RunIthPipelineCommand.class);
    List<String> keys = new ArrayList<>();
    params.forEach(p -> keys.add(p.key()));
    assertEquals(DOCUMENTED, keys);

    boolean was = Recorder.record;
    String recorded;
    try {
      Recorder.record = true;
      Recorder.resetCommandOptions();
      CommandBridge.record(params, dialog);
      recorded = Recorder.getCommandOptions();
    } finally {
      Recorder.record = was;
      Recorder.resetCommandOptions();
    }
    assertEquals(DOCUMENTED, new ArrayList<>(MacroOptions.parse(recorded).keySet()));
    assertTrue(recorded.contains(" image_file=[] "), recorded);
    assertTrue(recorded.contains(" roma=[] "), recorded);

    // the interactive run and the replay of the recorded line
    CommandBridge.runWithOptions(RunIthPipelineCommand.class, MacroOptions.format(dialog));
    CommandBridge.runWithOptions(RunIthPipelineCommand.class,
        recorded.replace(tmp.resolve("interactive").toString(), tmp.resolve("replay").toString()));
    byte[] a = Files.readAllBytes(tmp.resolve("interactive/results.csv"));
    byte[] b = Files.readAllBytes(tmp.resolve("replay/results.csv"));
    assertArrayEquals(a, b);
    assertTrue(new String(a).contains("synthetic case"));
  }

  /** 16×16×3, 1×1×2 mm: noise around 100 with a bright 8×8 block (tumour) on 3 slices. */
  public static void writeSynthetic(Path img, Path mask) {
    Random r = new Random(42);
    ImageStack a = new ImageStack(16, 16);
    ImageStack m = new ImageStack(16, 16);
    for (int z = 0; z < 3; z++) {
      FloatProcessor fp = new FloatProcessor(16, 16);
      ShortProcessor mp = new ShortProcessor(16, 16);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          boolean in = x >= 4 && x < 12 && y >= 4 && y < 12;
          fp.setf(x, y, (float) Math.rint((in ? (x < 8 ? 200 : 120) : 100) + 15 * r.nextGaussian()));
          mp.set(x, y, in ? 1 : 0);
        }
      }
      a.addSlice(fp);
      m.addSlice(mp);
    }
    for (Object[] o : new Object[][] {{a, img}, {m, mask}}) {
      ImagePlus imp = new ImagePlus("s", (ImageStack) o[0]);
      imp.getCalibration().setUnit("mm");
      imp.getCalibration().pixelWidth = 1;
      imp.getCalibration().pixelHeight = 1;
      imp.getCalibration().pixelDepth = 2;
      IJ.saveAsTiff(imp, o[1].toString());
    }
  }
}
