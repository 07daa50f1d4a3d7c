package org.habitatj.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.ColorProcessor;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.junit.jupiter.api.Test;

/** The habitat overlay's colours: habitats close to the key, the ring visible on any tissue. */
class HabitatOverlayTest {

  @Test
  void habitatColoursAndRingCheckerboardOnDarkAndBrightTissue() {
    // 4×2 image: left half dark (0), right half bright (100); percentiles 1/99 give 0..100 -> grey
    // 0 and 255. Habitat 1 at (0,0); ring at (1,0), (2,0), (1,1), (2,1).
    Geometry g = Geometry.of(new int[] {4, 2, 1}, new double[] {1, 1, 1});
    double[] img = {0, 0, 100, 100, 0, 0, 100, 100};
    int[] hab = {1, 0, 0, 0, 0, 0, 0, 0};
    byte[] ring = {0, 1, 1, 0, 0, 1, 1, 0};
    ColorProcessor cp = (ColorProcessor) HabitatOverlay.render(img, hab, new Mask(ring, g), g, 0,
        0, "t").getProcessor();
    // habitat 1 = 0xE6194B over grey 0 at opacity 0.8: round(0.8 * 230) = 184, 0.8 * 25 = 20,
    // 0.8 * 75 = 60
    assertEquals((184 << 16) | (20 << 8) | 60, cp.getPixel(0, 0) & 0xFFFFFF);
    // ring tones: (x + y) even -> white, odd -> black, at opacity 0.7
    // (1,0) odd over grey 0 -> 0; (2,0) even over grey 255 -> 255: both at their extremes, but
    // (1,1) even over grey 0 -> round(0.7 * 255) = 179 and (2,1) odd over 255 -> round(0.3 * 255)
    // = 77: every 2×2 block of ring pixels has a light and a dark check on either tissue
    assertEquals(0, cp.getPixel(1, 0) & 0xFF);
    assertEquals(255, cp.getPixel(2, 0) & 0xFF);
    assertEquals(179, cp.getPixel(1, 1) & 0xFF);
    assertEquals(77, cp.getPixel(2, 1) & 0xFF);
    assertTrue(Math.abs((cp.getPixel(1, 1) & 0xFF) - (cp.getPixel(1, 0) & 0xFF)) > 150,
        "ring checks on dark tissue differ");
    assertTrue(Math.abs((cp.getPixel(2, 0) & 0xFF) - (cp.getPixel(2, 1) & 0xFF)) > 150,
        "ring checks on bright tissue differ");
  }
}
