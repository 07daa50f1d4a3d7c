package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.Version;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  static final Geometry G = Geometry.of(new int[] {4, 3, 2}, new double[] {0.5, 0.5, 2});

  static double[] ramp() {
    double[] a = new double[24];
    for (int i = 0; i < 24; i++) {
      a[i] = 10 * i;
    }
    return a;
  }

  static Mask block() {
    byte[] m = new byte[24];
    for (int z = 0; z < 2; z++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 1; x < 3; x++) {
          m[G.index(x, y, z)] = 1;
        }
      }
    }
    return new Mask(m, G);
  }

  @Test
  void orderNamesAndDiagnostics() {
    var r = new FeatureExtractor(RadiomicsSettings.defaults()).extract(Volume.ofDoubles(ramp(), G), block());
    List<String> keys = List.copyOf(r.features().keySet());
    assertEquals(107, keys.size());
    assertEquals("original_shape_Elongation", keys.get(0));
    assertEquals("original_firstorder_10Percentile", keys.get(14));
    assertEquals("original_ngtdm_Strength", keys.get(106));
    Map<String, String> d = r.diagnostics();
    assertEquals(Version.VERSION, d.get("diagnostics_Versions_HabitatJ"));
    assertEquals("8", d.get("diagnostics_Mask-original_VoxelNum"));
    assertEquals("(1, 0, 0, 2, 2, 2)", d.get("diagnostics_Mask-original_BoundingBox"));
    // values 10, 20, 50, 60, 130, 140, 170, 180; binWidth 25 from 0: levels 1,1,3,3,6,6,7,8 → 8
    assertEquals("8", d.get("diagnostics_Discretization_GreyLevels"));
    assertTrue(d.get("diagnostics_Configuration_Settings").contains("binWidth=25.0"));
    // (10+20+50+60+130+140+170+180)/8 = 95; voxel volume 0.5 mm³ → VoxelVolume 4
    assertEquals(95.0, r.features().get("original_firstorder_Mean"));
    assertEquals(4.0, r.features().get("original_shape_VoxelVolume"));
    assertTrue(r.asRow().keySet().iterator().next().startsWith("diagnostics_"));
  }

  @Test
  void selectedFeaturesFollowTheUsersOrderAndUnknownNamesWarn() {
    Map<String, List<String>> fc = new LinkedHashMap<>();
    fc.put("firstorder", List.of("Median", "Mean", "StandardDeviation", "Bogus"));
    var r = new FeatureExtractor(RadiomicsSettings.builder().enabledFeatures(fc).build())
        .extract(Volume.ofDoubles(ramp(), G), block());
    assertEquals(List.of("original_firstorder_Median", "original_firstorder_Mean",
        "original_firstorder_StandardDeviation"), List.copyOf(r.features().keySet()));
    assertEquals(List.of("unknown feature 'Bogus' in class firstorder ignored"), r.warnings());
    // median of the 8 values: (60 + 130)/2 = 95
    assertEquals(95.0, r.features().get("original_firstorder_Median"));
  }

  @Test
  void clearErrors() {
    Geometry other = Geometry.of(new int[] {4, 3, 2}, new double[] {1, 1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FeatureExtractor(RadiomicsSettings.defaults()).extract(Volume.ofDoubles(ramp(), other), block()));
    assertTrue(e.getMessage().startsWith("image and mask grids differ"), e.getMessage());
    Map<String, List<String>> fc = new LinkedHashMap<>();
    fc.put("shape2D", List.of());
    e = assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(
        RadiomicsSettings.builder().enabledFeatures(fc).build()).extract(Volume.ofDoubles(ramp(), G), block()));
    assertTrue(e.getMessage().contains("force2D"), e.getMessage());
    // re-segmentation that empties the ROI names the range
    RoiException re = assertThrows(RoiException.class, () -> new FeatureExtractor(
        RadiomicsSettings.builder().resegmentRange(new double[] {1000, 2000}).build())
        .extract(Volume.ofDoubles(ramp(), G), block()));
    assertTrue(re.getMessage().contains("after re-segmentation [1000.0, 2000.0]"), re.getMessage());
  }

  @Test
  void inputsAreNotModified() {
    double[] img = ramp();
    Mask m = block();
    byte[] before = m.data().clone();
    new FeatureExtractor(RadiomicsSettings.builder().normalize(true).build())
        .extract(Volume.ofDoubles(img, G), m);
    assertEquals(List.of(), diff(ramp(), img));
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(m.data()));
  }

  static List<Integer> diff(double[] a, double[] b) {
    List<Integer> d = new java.util.ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        d.add(i);
      }
    }
    return d;
  }
}
