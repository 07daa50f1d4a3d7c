package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.habitatj.core.settings.RadiomicsSettings.DirectionAggregation;
import org.junit.jupiter.api.Test;

/**
 * {@link Glcm.Workspace#load(double[], int, int, int, int, int, long[], int)}: reading only the
 * flagged non-zero cells gives exactly (bit for bit) the features of the full block scan.
 */
class GlcmFlaggedLoadTest {

  @Test
  void flaggedCellsGiveBitIdenticalFeatures() {
    Random r = new Random(21);
    for (int trial = 0; trial < 500; trial++) {
      int ng = 1 + r.nextInt(70);
      int lo = r.nextInt(ng);
      int hi = Math.min(ng - 1, lo + r.nextInt(64));
      int na = 1 + r.nextInt(13);
      double[] counts = new double[na * ng * ng];
      long[] bits = new long[64 * na];
      double density = r.nextDouble();
      for (int a = 0; a < na; a++) {
        for (int i = lo; i <= hi; i++) {
          for (int j = lo; j <= hi; j++) {
            if (r.nextDouble() < density * 0.3) {
              counts[a * ng * ng + i * ng + j] = 1 + r.nextInt(9);
              bits[64 * a + i - lo] |= 1L << (j - lo);
            } else if (r.nextDouble() < 0.05) {
              bits[64 * a + i - lo] |= 1L << (j - lo); // flag on a zero count: harmless
            }
          }
        }
      }
      int nLevels = 1 + r.nextInt(ng);
      double[] scan = new double[Glcm.N_FEATURES];
      double[] flagged = new double[Glcm.N_FEATURES];
      Glcm.aggregate(counts, na, ng, nLevels, lo, hi, DirectionAggregation.AVERAGED,
          new Glcm.Workspace(ng), scan, 0, true);
      Glcm.aggregate(counts, na, ng, nLevels, lo, hi, DirectionAggregation.AVERAGED,
          new Glcm.Workspace(ng), flagged, 0, true, bits);
      assertArrayEquals(scan, flagged, 0.0, "trial " + trial);
    }
  }

  @Test
  void moreThan64LevelsAreRejected() {
    Glcm.Workspace w = new Glcm.Workspace(70);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> w.load(new double[70 * 70], 0, 70, 70, 0, 64, new long[65], 0));
    assertEquals("flagged load needs at most 64 levels, got 65", e.getMessage());
  }
}
