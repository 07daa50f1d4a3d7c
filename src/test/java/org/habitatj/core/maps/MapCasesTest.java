package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.features.BinEdges;
import org.habitatj.core.features.Discretizer;
import org.habitatj.core.features.FeatureExtractor;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

/** Cases C06 (flat windows) and C07 (same bin-edge rule in maps and whole ROI). */
class MapCasesTest {

  static FeatureMaps maps(double[] img, byte[] roi, Geometry g, RadiomicsSettings s, MapDiscretization d,
      String... families) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (String n : families) {
      f.put(n, List.of());
    }
    return FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g)).settings(s)
        .discretization(d).features(f).build().run();
  }

  /**
   * C06 sliding-window version: 7×7 slice, left 4 columns 50, right 3 columns 200, full mask,
   * radius 1, binWidth 25. Windows centred in columns 0–2 see only 50 (one grey level): PyRadiomics'
   * flat-region conventions; and no NaN anywhere in the ROI.
   */
  @Test
  void c06FlatWindowsFollowConventionsAndNoNaN() {
    Geometry g = Geometry.of(new int[] {7, 7, 1}, new double[] {1, 1, 1});
    double[] img = new double[49];
    byte[] roi = new byte[49];
    for (int i = 0; i < 49; i++) {
      img[i] = i % 7 < 4 ? 50 : 200;
      roi[i] = 1;
    }
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(25).kernelRadius(1).build();
    FeatureMaps m = maps(img, roi, g, s, MapDiscretization.WHOLE_ROI_ONCE,
        "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm");
    for (int f = 0; f < m.maps().length; f++) {
      for (int i = 0; i < 49; i++) {
        assertTrue(Float.isFinite(m.maps()[f][i]),
            m.features().get(f).pyradiomicsName() + " not finite at " + i);
      }
    }
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 3; x++) {
        int i = x + 7 * y;
        assertEquals(0.0, m.map("original_firstorder_Variance")[i], 0.0);
        assertEquals(0.0, m.map("original_firstorder_Entropy")[i], 1e-12);
        assertEquals(1.0, m.map("original_firstorder_Uniformity")[i], 0.0);
        assertEquals(0.0, m.map("original_firstorder_Skewness")[i], 0.0);
        assertEquals(0.0, m.map("original_firstorder_Kurtosis")[i], 0.0);
        assertEquals(1.0, m.map("original_glcm_JointEnergy")[i], 0.0);
        assertEquals(0.0, m.map("original_glcm_JointEntropy")[i], 1e-12); // −log2(1 + ε)
        assertEquals(0.0, m.map("original_glcm_Contrast")[i], 0.0);
        assertEquals(1.0, m.map("original_glcm_Idm")[i], 0.0);
        assertEquals(1.0, m.map("original_glcm_Correlation")[i], 0.0);
        assertEquals(0.0, m.map("original_glcm_Imc1")[i], 0.0);
        assertEquals(0.0, m.map("original_glcm_ClusterShade")[i], 0.0);
      }
    }
    // a window straddling both values is not flat
    assertTrue(m.map("original_glcm_Contrast")[3 + 7 * 3] > 0);
  }

  /**
   * C07 (a): {0.05, 0.15, 0.25, 0.95} with binWidth 0.1 get levels 1, 2, 3, 10 (PyRadiomics edges)
   * in the map path too: with a kernel covering the whole 4-voxel ROI, every map value equals the
   * whole-ROI extraction (same edges, same Ng); and a value exactly on an edge (0.3) falls in the
   * same bin in the whole-ROI and the window discretisation.
   */
  @Test
  void c07SameEdgesInMapsAndWholeRoi() {
    Geometry g = Geometry.of(new int[] {4, 1, 1}, new double[] {1, 1, 1});
    double[] img = {0.05, 0.15, 0.25, 0.95};
    byte[] roi = {1, 1, 1, 1};
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(0.1).kernelRadius(3)
        .minimumROIDimensions(1).build();
    BinEdges e = Discretizer.edges(img, s);
    assertEquals(List.of(1, 2, 3, 10),
        java.util.Arrays.stream(Discretizer.levels(img, e)).boxed().toList());
    FeatureMaps m = maps(img, roi, g, s, MapDiscretization.WHOLE_ROI_ONCE, "firstorder");
    // Uniformity of levels {1,2,3,10} = 4·(1/4)² = 0.25; Entropy = log2(4) = 2
    for (int i = 0; i < 4; i++) {
      assertEquals(0.25, m.map("original_firstorder_Uniformity")[i], 1e-7);
      assertEquals(2.0, m.map("original_firstorder_Entropy")[i], 1e-6);
    }
    var whole = new FeatureExtractor(s.toBuilder().enabledFeatures(Map.of("firstorder", List.of())).build())
        .extract(Volume.ofDoubles(img, g), new Mask(roi, g));
    for (int f = 0; f < m.features().size(); f++) {
      String name = m.features().get(f).pyradiomicsName();
      double expected = whole.features().get(name);
      assertEquals(expected, m.maps()[f][0], 1e-6 * Math.max(1e-6, Math.abs(expected)), name);
    }
    // value 0.3 next to an edge: numpy.arange's edge 3 is 0 + 3·0.1 = 0.30000000000000004 > 0.3,
    // so 0.3 is in bin 3 (as in PyRadiomics), in the whole ROI and in both map discretisations
    double[] img2 = {0.0, 0.3, 0.3, 0.5};
    BinEdges e2 = Discretizer.edges(img2, s);
    int wholeLevel = e2.level(0.3);
    FeatureMaps once = maps(img2, roi, g, s, MapDiscretization.WHOLE_ROI_ONCE, "firstorder");
    FeatureMaps per = maps(img2, roi, g, s, MapDiscretization.PER_WINDOW, "firstorder");
    // levels {1, L, L, l(0.5)}: Uniformity = (1 + 4 + 1)/16 when 0.3 and 0.5 are in distinct bins
    assertEquals(3, wholeLevel);
    assertEquals(6, e2.level(0.5)); // edge 5 = 5·0.1 = 0.5 exactly
    assertEquals(6.0 / 16, once.map("original_firstorder_Uniformity")[1], 1e-7);
    assertEquals(6.0 / 16, per.map("original_firstorder_Uniformity")[1], 1e-7);
  }

  /** Bad input: a bin width giving millions of levels is refused before allocating (C07 b). */
  @Test
  void c07TinyBinWidthRefused() {
    Geometry g = Geometry.of(new int[] {2, 1, 1}, new double[] {1, 1, 1});
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(1e-4).kernelRadius(1).build();
    IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> maps(new double[] {0, 1000}, new byte[] {1, 1}, g, s, MapDiscretization.WHOLE_ROI_ONCE,
            "glcm"));
    assertTrue(ex.getMessage().contains("10000001") || ex.getMessage().contains("10,000,001")
        || ex.getMessage().toLowerCase().contains("bin"), ex.getMessage());
  }
}
