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
}
