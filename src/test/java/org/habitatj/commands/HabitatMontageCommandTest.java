package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import java.util.List;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.habitatj.ij.CommandParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Habitat Montage" through the bridge's macro path (headless) on the bundled STS_008 case: one
 * panel per K = 3..9 of the size expected from the tumour's bounding box on its largest slice,
 * each panel equal to the "Habitat Map" overlay for that K with the same seed, the ITH scores
 * equal to that command's.
 */
class HabitatMontageCommandTest {

  static int x0;
  static int y0;
  static int x1;
  static int y1;

  @BeforeAll
  static void box() throws Exception {
    HabitatMapCommandTest.load();
    int z = HabitatMapCommandTest.zLargest;
    int w = HabitatMapCommandTest.image.geometry().size(0);
    int h = HabitatMapCommandTest.image.geometry().size(1);
    x0 = w;
    y0 = h;
    x1 = -1;
    y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (HabitatMapCommandTest.tumour.contains((z * h + y) * w + x)) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
  }

  @Test
  void sevenPanelsOfTheExpectedSizeEachTheHabitatMapOfItsK() {
    String opts = HabitatMapCommandTest.INPUTS + " seed=5";
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMontageCommand.class, opts);
    ImagePlus m = (ImagePlus) out.get("montage");
    if (Boolean.getBoolean("habitatj.saveMontage")) {
      new ij.io.FileSaver(m).saveAsPng("target/habitat-montage-STS_008.png");
    }
    assertEquals(24, m.getBitDepth());
    // crop: the tumour's box on its largest slice ± 6 pixels (inside the 77 × 79 image here),
    // magnified by ceil(240 / longest side); 7 panels → 3 columns × 3 rows, 4-pixel gaps
    int cx0 = Math.max(0, x0 - 6);
    int cy0 = Math.max(0, y0 - 6);
    int cw = Math.min(76, x1 + 6) - cx0 + 1;
    int ch = Math.min(78, y1 + 6) - cy0 + 1;
    int scale = (int) Math.ceil(240.0 / Math.max(cw, ch));
    int pw = cw * scale;
    int ph = ch * scale;
    assertEquals(3 * pw + 2 * 4, m.getWidth());
    assertEquals(3 * ph + 2 * 4, m.getHeight());
    ColorProcessor cp = (ColorProcessor) m.getProcessor();
    ResultsTable t = (ResultsTable) out.get("montageScores");
    assertEquals(7, t.size());
    for (int i = 0; i < 9; i++) {
      int px = (i % 3) * (pw + 4);
      int py = (i / 3) * (ph + 4);
      boolean allWhite = true;
      for (int y = py; y < py + ph; y++) {
        for (int x = px; x < px + pw; x++) {
          allWhite &= (cp.get(x, y) & 0xffffff) == 0xffffff;
        }
      }
      assertEquals(i >= 7, allWhite, "panel " + i + (i >= 7 ? " should be empty" : " is empty"));
    }
    for (int k : new int[] {3, 9}) {
      int i = k - 3;
      assertEquals(k, (int) t.getValue("K", i));
      Map<String, Object> single = CommandBridge.runWithOptions(HabitatMapCommand.class,
          opts + " clusters=" + k);
      assertEquals((Double) single.get("ithScore"), t.getValue("ith_score", i), 0);
      ColorProcessor ov = (ColorProcessor) ((ImagePlus) single.get("overlay")).getProcessor();
      // Habitat Map's overlay is enlarged for display by fo = ceil(256 / 79) = 4: pixel (x, y)
      // of the image is at (fo x, fo y) there
      int fo = ov.getWidth() / 77;
      assertEquals(4, fo);
      int px = (i % 3) * (pw + 4);
      int py = (i / 3) * (ph + 4);
      int compared = 0;
      // the lower half of the panel (the caption is at the top): block centres = overlay pixels
      for (int y = ch / 2; y < ch; y++) {
        for (int x = 0; x < cw; x++) {
          assertEquals(ov.get((cx0 + x) * fo, (cy0 + y) * fo) & 0xffffff,
              cp.get(px + x * scale + scale / 2, py + y * scale + scale / 2) & 0xffffff,
              "K=" + k + " pixel " + (cx0 + x) + "," + (cy0 + y));
          compared++;
        }
      }
      assertTrue(compared > 100);
      // the caption "K = k  ITH = ..." is drawn over the top-left of the panel
      int changed = 0;
      for (int y = 0; y < 12; y++) {
        for (int x = 0; x < pw / 2; x++) {
          int src = ov.get((cx0 + x / scale) * fo, (cy0 + y / scale) * fo) & 0xffffff;
          changed += (cp.get(px + x, py + y) & 0xffffff) != src ? 1 : 0;
        }
      }
      assertTrue(changed > 100, "no caption on panel K=" + k + ": " + changed);
    }
  }

  @Test
  void everyKeyIsRecordedAndABadRangeIsRefused() {
    List<CommandParameter> params = CommandBridge.parameters(HabitatMontageCommand.class);
    Map<String, String> values = CommandBridge.resolve(params, HabitatMapCommandTest.INPUTS);
    assertEquals(List.of("image", "image_file", "mask_source", "mask_file", "mask_image", "label", "resample_mask",
        "slices", "kernel_radius", "map_families", "bin_width", "standardization", "seed",
        "restarts", "k_min", "k_max"), List.copyOf(values.keySet()));
    assertEquals("3", values.get("k_min"));
    assertEquals("9", values.get("k_max"));
    String recorded = CommandBridge.recordedOptions(values);
    for (String key : values.keySet()) {
      assertTrue(recorded.contains(key + "="), key + " not recorded: " + recorded);
    }
    Map<String, Object> out = CommandBridge.runWithOptions(HabitatMontageCommand.class,
        recorded.replace("k_min=3", "k_min=4").replace("k_max=9", "k_max=5"));
    assertEquals(2, ((ResultsTable) out.get("montageScores")).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandBridge.runWithOptions(HabitatMontageCommand.class,
            HabitatMapCommandTest.INPUTS + " k_min=6 k_max=4"));
    assertTrue(e.getMessage().contains("K max = 4 is smaller than K min = 6"), e.getMessage());
  }
}
