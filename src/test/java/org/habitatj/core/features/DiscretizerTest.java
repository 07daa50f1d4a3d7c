package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

class DiscretizerTest {

  @Test
  void c07aFractionalBinWidthGivesPyRadiomicsLevels() {
    // C07(a): lowBound = 0.05 - (0.05 mod 0.1) = 0; edges 0, 0.1, 0.2, 0.30000000000000004, ...
    // digitize: 0.05 -> 1, 0.15 -> 2, 0.25 -> 3, 0.95 -> 10.
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(0.1).build();
    double[] v = {0.05, 0.15, 0.25, 0.95};
    BinEdges e = Discretizer.edges(v, s);
    assertArrayEquals(new int[] {1, 2, 3, 10}, Discretizer.levels(v, e));
    // Whole-ROI DiscretizedRoi on a 4x1x1 grid: Ng = highest level present = 10.
    Mask m = new Mask(new byte[] {1, 1, 1, 1}, Geometry.of(new int[] {4, 1, 1}, new double[] {1, 1, 1}));
    DiscretizedRoi r = Discretizer.discretize(v, m, s);
    assertArrayEquals(new int[] {1, 2, 3, 10}, r.levels());
    assertEquals(10, r.ng());
  }

  @Test
  void c07aIbsiFixedBinSizeIsTheLiteralFormula() {
    // IBSI FBS with x_min = 0.05 in IEEE double: (0.15-0.05)/0.1 = 0.9999999999999999 -> 1,
    // (0.95-0.05)/0.1 = 8.999999999999998 -> 9 (documented in C07).
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(0.1)
        .discretization(RadiomicsSettings.Discretization.FIXED_BIN_SIZE_IBSI).build();
    double[] v = {0.05, 0.15, 0.25, 0.95};
    assertArrayEquals(new int[] {1, 1, 3, 9}, Discretizer.levels(v, Discretizer.edges(v, s)));
  }

  @Test
  void valueOnAnEdgeGoesToTheSameBinInBothPaths() {
    // 0.3 with w = 0.1: edge 3 is 0.30000000000000004 > 0.3, so 0.3 lies in bin 3 ([0.2, 0.300..04)).
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(0.1).build();
    double[] v = {0.0, 0.3, 0.7};
    BinEdges e = Discretizer.edges(v, s);
    assertEquals(3, e.level(0.3));
    Mask m = new Mask(new byte[] {1, 1, 1}, Geometry.of(new int[] {3, 1, 1}, new double[] {1, 1, 1}));
    DiscretizedRoi window = Discretizer.discretize(v, m.geometry(), m, new int[] {1, 0, 0, 1, 0, 0}, e, e.bins());
    assertEquals(3, window.levels()[0]);
    assertEquals(e.bins(), window.ng());
  }

  @Test
  void c07bAbsurdBinCountIsRefusedWithCountAndSuggestion() {
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(1e-4).build();
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Discretizer.edges(new double[] {0, 1000}, s));
    // edges: ceil((1000 + 2e-4 - 0) / 1e-4) = 10000002 edges -> 10000001 bins.
    assertTrue(ex.getMessage().contains("10000001"), ex.getMessage());
    assertTrue(ex.getMessage().contains("binCount"), ex.getMessage());
    assertTrue(ex.getMessage().contains("larger binWidth"), ex.getMessage());
  }

  @Test
  void warnsAboveWarningLevel() {
    // range 0..1000, w = 1: edges 0..1001 (1002 edges), 1001 bins > 256.
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(1).build();
    BinEdges e = Discretizer.edges(new double[] {0, 1000}, s);
    assertEquals(1001, e.bins());
    assertEquals(1, e.warnings().size());
  }

  @Test
  void negativeMinimumUsesFlooredModulo() {
    // min = -30, w = 25: Python -30 % 25 = 20 -> lowBound = -50; -30 -> level 1, -25 -> 2, 0 -> 3.
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(25).build();
    double[] v = {-30, -25, 0};
    assertArrayEquals(new int[] {1, 2, 3}, Discretizer.levels(v, Discretizer.edges(v, s)));
  }

  @Test
  void flatRegionOnAnEdgeGetsOneLevel() {
    // min = max = 50, w = 25: lowBound 50, arange(50, 100, 25) = {50, 75} -> level 1.
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(25).build();
    double[] v = {50, 50};
    assertArrayEquals(new int[] {1, 1}, Discretizer.levels(v, Discretizer.edges(v, s)));
  }

  @Test
  void fixedBinCountPutsMaximumInTopBin() {
    // numpy.histogram([0, 1, 2, 3, 4], 4) edges 0,1,2,3,4 (+1 on the last -> 5):
    // digitize -> 1, 2, 3, 4, 4.
    RadiomicsSettings s = RadiomicsSettings.builder().binCount(4).build();
    double[] v = {0, 1, 2, 3, 4};
    assertArrayEquals(new int[] {1, 2, 3, 4, 4}, Discretizer.levels(v, Discretizer.edges(v, s)));
  }
}
