package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.junit.jupiter.api.Test;

/**
 * "Habitat Demo" headless: every output is set, one habitat slice and one table row per K, and
 * at K = 3 the habitats found on the phantom agree with its three true habitats (the phantom's
 * classes differ by 4 to 40 noise SDs in mean, so K-means on first-order + GLCM maps must recover
 * them: adjusted Rand index above 0.8).
 */
class HabitatDemoCommandTest {

  @Test
  void demoOutputsAndRecoveryOfTheKnownHabitats() {
    Map<String, Object> o = CommandBridge.runWithOptions(HabitatDemoCommand.class,
        "seed=0 k_min=3 k_max=5");
    ImagePlus image = (ImagePlus) o.get("image");
    ImagePlus maps = (ImagePlus) o.get("maps");
    ImagePlus habitats = (ImagePlus) o.get("habitats");
    ResultsTable scores = (ResultsTable) o.get("results");
    assertNotNull(image.getOverlay());
    assertEquals(128, image.getWidth());
    assertTrue(maps.getStackSize() > 10, "feature maps: " + maps.getStackSize());
    assertEquals(3, habitats.getStackSize());
    assertEquals(3, scores.size());
    for (int r = 0; r < 3; r++) {
      assertEquals(3 + r, (int) scores.getValue("K", r));
      double ith = scores.getValue("ith_score", r);
      assertTrue(ith > 0 && ith < 1, "ITH " + ith);
    }
    double ari = scores.getValue("adjusted_rand_index", 0);
    System.out.println("demo: K=3 ARI " + ari + ", ITH " + scores.getValue("ith_score", 0));
    assertTrue(ari > 0.8, "K=3 should recover the 3 true habitats, ARI " + ari);
  }
}
