package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;
import org.junit.jupiter.api.Test;

/** {@link FeatureMaps} stored at the ROI voxels: full-grid expansion and point look-ups. */
class FeatureMapsTest {

  private static FeatureMaps roiMaps() {
    // 3×2×1 grid, ROI voxels 1, 3, 4 (x-fastest linear indices)
    Geometry g = Geometry.of(new int[] {3, 2, 1}, new double[] {1, 1, 1});
    return FeatureMaps.ofRoi(g,
        List.of(new FeatureInfo("firstorder", "Mean", "Q4LE"),
            new FeatureInfo("glcm", "Contrast", "ACUI")),
        new int[] {1, 3, 4}, new float[][] {{10, 30, 40}, {-1, -3, -4}},
        new int[] {1, 1, 0}, new double[] {1, 1, 0}, "test");
  }

  @Test
  void fullGridHasNanOutsideTheRoi() {
    FeatureMaps m = roiMaps();
    float n = Float.NaN;
    assertArrayEquals(new float[] {n, 10, n, 30, 40, n}, m.map(0));
    assertArrayEquals(new float[] {n, -1, n, -3, -4, n}, m.map("original_glcm_Contrast"));
    assertSame(m.map(1), m.maps()[1]); // built once and kept
    assertEquals(2, m.count());
  }

  @Test
  void valuesAtReadsRoiVoxelsInAnyOrderWithoutTheFullGrid() {
    FeatureMaps m = roiMaps();
    double[] v = m.valuesAt(0, new int[] {4, 0, 1, 5, 3});
    assertEquals(40, v[0], 0);
    assertTrue(Double.isNaN(v[1]));
    assertEquals(10, v[2], 0);
    assertTrue(Double.isNaN(v[3]));
    assertEquals(30, v[4], 0);
    assertThrows(IndexOutOfBoundsException.class, () -> m.valuesAt(0, new int[] {6}));
    // after expansion the same values come from the full grid
    m.map(0);
    assertArrayEquals(v, m.valuesAt(0, new int[] {4, 0, 1, 5, 3}), 0);
    assertArrayEquals(new int[] {1, 3, 4}, m.roiVoxels());
  }

  @Test
  void mismatchedArraysAreRejected() {
    Geometry g = Geometry.of(new int[] {3, 2, 1}, new double[] {1, 1, 1});
    List<FeatureInfo> f = List.of(new FeatureInfo("firstorder", "Mean", "Q4LE"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureMaps.ofRoi(g, f, new int[] {1, 2}, new float[][] {{1}}, new int[3],
            new double[3], "x"));
    assertTrue(e.getMessage().contains("1 values for 2 voxels"), e.getMessage());
  }

  /**
   * 4×3×2 grid, spacing (0.5, 2, 3) mm, origin (10, 20, 30), identity directions; ROI voxels
   * (1,1,0) = index 5 and (2,2,1) = index 12 + 2 + 8 = 22, kernel radius (1, 0, 0). ROI box x
   * 1..2, y 1..2, z 0..1, widened by the radius along x and clipped: x 0..3 (4×2×2), origin at
   * voxel (0,1,0) = (10, 22, 30). The voxels become local (1,0,0) = 1 and (2,1,1) = 2 + 4·(1 + 2·1)
   * = 14.
   */
  @Test
  void croppedToRoiBoxKeepsWorldPositionsAndValues() {
    Geometry g = new Geometry(new int[] {4, 3, 2}, new double[] {0.5, 2, 3},
        new double[] {10, 20, 30}, Geometry.identity());
    FeatureMaps m = FeatureMaps.ofRoi(g, List.of(new FeatureInfo("firstorder", "Mean", "Q4LE")),
        new int[] {5, 22}, new float[][] {{7, 9}}, new int[] {1, 0, 0}, new double[] {.5, 0, 0},
        "t");
    assertArrayEquals(new int[] {1, 1, 0, 2, 2, 1}, m.mappedBox());
    FeatureMaps c = m.croppedToRoiBox();
    assertArrayEquals(new int[] {4, 2, 2}, c.geometry().size());
    assertArrayEquals(new double[] {10, 22, 30}, c.geometry().origin(), 1e-12);
    assertArrayEquals(new double[] {0.5, 2, 3}, c.geometry().spacing(), 0);
    float n = Float.NaN;
    float[] expected = new float[16];
    java.util.Arrays.fill(expected, n);
    expected[1] = 7;
    expected[14] = 9;
    assertArrayEquals(expected, c.map(0));
    assertArrayEquals(new int[] {1, 14}, c.roiVoxels());
    // the same from maps given on the full grid (box of the non-NaN voxels)
    FeatureMaps f = new FeatureMaps(g, m.features(), new float[][] {m.newGridArray(0)},
        new int[] {1, 0, 0}, new double[] {.5, 0, 0}, "t");
    assertArrayEquals(expected, f.croppedToRoiBox().map(0));
    // newGridArray is a fresh copy each time, map() is kept
    assertTrue(m.newGridArray(0) != m.newGridArray(0));
    assertSame(m.map(0), m.map(0));
  }
}
