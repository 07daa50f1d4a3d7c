package org.habitatj.core.habitat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.maps.FeatureMaps;
import org.junit.jupiter.api.Test;

class VoxelFeaturesTest {

  @Test
  void fromFeatureMapsTakesMaskVoxelsInOrder() {
    Geometry g = Geometry.of(new int[] {3, 2, 1}, new double[] {1, 1, 1});
    float[] m0 = {0, 1, 2, 3, 4, 5};
    float[] m1 = {10, 11, 12, 13, 14, 15};
    FeatureMaps maps = new FeatureMaps(g,
        List.of(new FeatureInfo("firstorder", "Mean", "Q4LE"),
            new FeatureInfo("glcm", "Contrast", "ACUI")),
        new float[][] {m0, m1}, new int[] {1, 1, 0}, new double[] {1, 1, 0}, "test");
    Mask mask = new Mask(new byte[] {0, 1, 0, 1, 1, 0}, g);
    VoxelFeatures f = VoxelFeatures.of(maps, mask);
    assertArrayEquals(new int[] {1, 3, 4}, f.voxels());
    assertArrayEquals(new double[] {1, 3, 4}, f.columns()[0], 0);
    assertArrayEquals(new double[] {11, 13, 14}, f.columns()[1], 0);
    assertEquals("original_glcm_Contrast", f.names()[1]);
  }

  @Test
  void badInputsAreNamed() {
    Geometry g = Geometry.of(new int[] {3, 2, 1}, new double[] {1, 1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VoxelFeatures(g, new int[] {0, 0}, new String[] {"a"},
            new double[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("given twice"));
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> new VoxelFeatures(g, new int[] {0, 1}, new String[] {"a"},
            new double[][] {{1}}));
    assertTrue(e2.getMessage().contains("feature 'a' has 1 values"));
  }
}
