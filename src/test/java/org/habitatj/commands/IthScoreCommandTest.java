package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * "ITH Score" through the bridge's macro path on the full 3D brain1 volume with defaults: the
 * largest-area slice (z = 16, 984 px) is chosen, and the ITH score lies in the ITHscore package's
 * seed-to-seed range for that slice (reference/ithscore/brain1_ith.json: 0.794157..0.813245).
 */
class IthScoreCommandTest {

  @Test
  void brain1Defaults() throws Exception {
    Path dir = Path.of("..", "shared", "data", "pyradiomics");
    Assumptions.assumeTrue(Files.isDirectory(dir), "../shared absent");
    Map<String, Object> out = CommandBridge.runWithOptions(IthScoreCommand.class,
        "image_file=[" + dir.resolve("brain1_image.nrrd") + "] mask_source=[mask file] mask_file=["
            + dir.resolve("brain1_label.nrrd") + "] label=1");
    ResultsTable s = (ResultsTable) out.get("results");
    double ith = s.getValue("ith_score", 0);
    System.out.println("brain1 via ITH Score command: ITH " + ith + ", combined "
        + s.getValue("combined_ith_score", 0) + ", ring-only " + s.getValue("ring_ith_score", 0)
        + ", ring voxels " + s.getValue("ring_voxels", 0));
    assertEquals(984, (int) s.getValue("tumour_voxels", 0));
    assertTrue(ith >= 0.7941565040650407 && ith <= 0.8132452574525746, "ITH " + ith);
    double comb = s.getValue("combined_ith_score", 0);
    assertTrue(comb > 0 && comb < 1, "combined " + comb);
    assertTrue(s.getValue("ring_voxels", 0) > 0);
    ResultsTable h = (ResultsTable) out.get("habitats");
    assertEquals(6, h.size());
    double total = 0;
    for (int i = 0; i < 6; i++) {
      total += h.getValue("voxels", i);
    }
    assertEquals(984, total, 0);
    ImagePlus map = (ImagePlus) out.get("habitatMap");
    assertEquals(256, map.getWidth());
  }
}
