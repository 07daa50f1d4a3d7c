package org.habitatj.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.habitatj.core.settings.RadiomicsSettings.ResegmentMode;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

  @Test
  void normalizeUsesWholeImageSampleStd() {
    // {1, 2, 3, 4, 5}: mean 3, sample variance (4+1+0+1+4)/4 = 2.5, σ = √2.5.
    // z = (x − 3)/√2.5, × 100.
    double[] out = Preprocessing.normalize(new double[] {1, 2, 3, 4, 5}, 100, Double.NaN);
    double s = Math.sqrt(2.5);
    double[] expected = {-200 / s, -100 / s, 0, 100 / s, 200 / s};
    assertArrayEquals(expected, out, 1e-12);
  }

  @Test
  void removeOutliersClampsZScoresBeforeScaling() {
    // {0 ×9, 10}: mean 1, sample var = (9·1 + 81)/9 = 10, σ = √10; z(10) = 9/√10 = 2.846,
    // z(0) = −0.316; clamp at ±2 → 2 (× scale 1).
    double[] in = new double[10];
    in[9] = 10;
    double[] out = Preprocessing.normalize(in, 1, 2);
    assertEquals(2.0, out[9], 0);
    assertEquals(-1 / Math.sqrt(10), out[0], 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Preprocessing.normalize(new double[] {3, 3}, 1, Double.NaN));
  }

  @Test
  void resegmentModes() {
    Geometry g = Geometry.of(new int[] {5, 1, 1}, new double[] {1, 1, 1});
    double[] img = {10, 20, 30, 40, 50};
    Mask all = new Mask(new byte[] {1, 1, 1, 1, 1}, g);
    // absolute [20, 40] inclusive
    assertArrayEquals(new byte[] {0, 1, 1, 1, 0},
        Preprocessing.resegment(img, all, new double[] {40, 20}, ResegmentMode.ABSOLUTE).data());
    // absolute lower bound only
    assertArrayEquals(new byte[] {0, 0, 1, 1, 1},
        Preprocessing.resegment(img, all, new double[] {25}, ResegmentMode.ABSOLUTE).data());
    // relative to the ROI maximum 50: [0.5, 0.9] → [25, 45]
    assertArrayEquals(new byte[] {0, 0, 1, 1, 0},
        Preprocessing.resegment(img, all, new double[] {0.5, 0.9}, ResegmentMode.RELATIVE).data());
    // sigma: mean 30, population σ = √200 = 14.14; [−1, 1] → [15.86, 44.14]
    assertArrayEquals(new byte[] {0, 1, 1, 1, 0},
        Preprocessing.resegment(img, all, new double[] {-1, 1}, ResegmentMode.SIGMA).data());
  }
}
