package org.habitatj.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.image.Morphology.Neighbourhood;
import org.junit.jupiter.api.Test;

class MorphologyAndBodyMaskTest {

  static Mask square(int n, int x0, int y0, int side, int nz) {
    Geometry g = Geometry.of(new int[] {n, n, nz}, new double[] {1, 1, 1});
    byte[] d = new byte[n * n * nz];
    for (int y = y0; y < y0 + side; y++) {
      for (int x = x0; x < x0 + side; x++) {
        d[g.index(x, y, 0)] = 1;
      }
    }
    return new Mask(d, g);
  }

  @Test
  void erodeDilateCounts() {
    Mask s = square(9, 2, 2, 5, 2); // 5x5 square in slice 0 of 2 slices
    // erode: 3x3 core = 9 with either neighbourhood
    assertEquals(9, Morphology.erode(s, Neighbourhood.FOUR).count());
    assertEquals(9, Morphology.erode(s, Neighbourhood.EIGHT).count());
    // dilate 8: 7x7 = 49; dilate 4: 7x7 minus 4 corners = 45; slice 1 stays empty
    assertEquals(49, Morphology.dilate(s, Neighbourhood.EIGHT).count());
    Mask d4 = Morphology.dilate(s, Neighbourhood.FOUR);
    assertEquals(45, d4.count());
    assertFalse(d4.contains(1, 1, 0));
    assertFalse(d4.contains(3, 3, 1));
    assertEquals(25, s.count()); // input untouched
  }

  @Test
  void borderIsNotBackground() {
    Mask s = square(6, 0, 0, 3, 1); // 3x3 in the corner
    // erosion only from the two inner sides: 2x2 remains
    Mask e = Morphology.erode(s, Neighbourhood.EIGHT);
    assertEquals(4, e.count());
    assertTrue(e.contains(0, 0, 0));
    // dilation clipped: 4x4 = 16
    assertEquals(16, Morphology.dilate(s, Neighbourhood.EIGHT).count());
  }

  @Test
  void otsuBodyMaskWithHole() {
    // 8x8: background 10, a 6x6 body of 100 (x,y in 1..6) with a dark 2x2 hole of 10 inside
    // (x,y in 3..4). Two intensity classes: Otsu separates them; the hole is filled -> 36.
    Geometry g = Geometry.of(new int[] {8, 8, 1}, new double[] {1, 1, 1});
    double[] v = new double[64];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        boolean body = x >= 1 && x <= 6 && y >= 1 && y <= 6;
        boolean hole = x >= 3 && x <= 4 && y >= 3 && y <= 4;
        v[y * 8 + x] = body && !hole ? 100 : 10;
      }
    }
    double t = BodyMask.otsuThreshold(v);
    assertTrue(t > 10 && t < 100, "threshold " + t);
    Mask m = BodyMask.otsu(Volume.ofDoubles(v, g));
    assertEquals(36, m.count());
    assertTrue(m.contains(3, 3, 0));
    assertFalse(m.contains(0, 0, 0));
  }
}
