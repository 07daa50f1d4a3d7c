package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

/** Kernel geometry: cases C08 and C09 with a plain mean calculator (hand-computed values). */
class KernelGeometryTest {

  static FeatureMaps meanMaps(double[] img, byte[] roi, int sx, int sy, int sz, int r, boolean masked) {
    Geometry g = Geometry.of(new int[] {sx, sy, sz}, new double[] {1, 1, 1});
    return FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
        .settings(RadiomicsSettings.builder().maskedKernel(masked).build())
        .radiusVoxels(r)
        .features(Map.of())
        .calculators(List.of(new MeanCalculator()))
        .build()
        .run();
  }

  /** The real first-order Mean map (FirstOrder via the engine), same geometry as meanMaps. */
  static float[] firstOrderMean(double[] img, byte[] roi, int sx, int sy, int sz, int r, boolean masked) {
    Geometry g = Geometry.of(new int[] {sx, sy, sz}, new double[] {1, 1, 1});
    return FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
        .settings(RadiomicsSettings.builder().maskedKernel(masked).build())
        .radiusVoxels(r)
        .features(Map.of("firstorder", List.of("Mean")))
        .build()
        .run()
        .map("original_firstorder_Mean");
  }

  @Test
  void c08C09WithFirstOrderMean() {
    double[] img = new double[49];
    img[7 + 1] = 90;
    byte[] roi = new byte[49];
    java.util.Arrays.fill(roi, (byte) 1);
    float[] m = firstOrderMean(img, roi, 7, 7, 1, 1, true);
    assertEquals(10.0, m[8], 1e-6);
    assertEquals(10.0, m[16], 1e-6);
    assertEquals(22.5, m[0], 1e-6);
    assertEquals(0.0, m[24], 0.0);
    assertEquals(0.0, m[48], 0.0);
    double[] img2 = new double[36];
    byte[] roi2 = new byte[36];
    for (int i = 0; i < 36; i++) {
      img2[i] = i;
      roi2[i] = (byte) (i % 6 < 3 && i / 6 < 3 ? 1 : 0);
    }
    float[] a = firstOrderMean(img2, roi2, 6, 6, 1, 1, true);
    float[] b = firstOrderMean(img2, roi2, 6, 6, 1, 1, false);
    assertEquals(3.5, a[0], 1e-6);
    assertEquals(3.5, b[0], 1e-6);
    assertEquals(10.5, a[14], 1e-6);
    assertEquals(14.0, b[14], 1e-6);
    assertEquals(4.5, a[2], 1e-6);
    assertEquals(5.0, b[2], 1e-6);
    assertTrue(Float.isNaN(a[3]) && Float.isNaN(b[35]));
  }

  @Test
  void c08KernelIsLocal() {
    // 7x7 slice, all 0 except I[1][1] = 90, full mask, radius 1 masked
    double[] img = new double[49];
    img[7 + 1] = 90;
    byte[] roi = new byte[49];
    java.util.Arrays.fill(roi, (byte) 1);
    float[] m = meanMaps(img, roi, 7, 7, 1, 1, true).maps()[0];
    assertEquals(10.0, m[7 * 1 + 1], 1e-6); // (1,1): 90/9
    assertEquals(10.0, m[7 * 2 + 2], 1e-6); // (2,2): 90/9
    assertEquals(22.5, m[0], 1e-6); // (0,0): 2x2 = 90/4
    assertEquals(0.0, m[7 * 3 + 3], 0.0); // (3,3): all 0
    assertEquals(0.0, m[7 * 6 + 6], 0.0); // (6,6)
  }

  @Test
  void c09MaskBoundaryAndImageBorder() {
    // 6x6, I[y][x] = 6y + x, ROI = 3x3 block at the top-left corner
    double[] img = new double[36];
    byte[] roi = new byte[36];
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        img[6 * y + x] = 6 * y + x;
        roi[6 * y + x] = (byte) (x < 3 && y < 3 ? 1 : 0);
      }
    }
    FeatureMaps mk = meanMaps(img, roi, 6, 6, 1, 1, true);
    FeatureMaps un = meanMaps(img, roi, 6, 6, 1, 1, false);
    float[] a = mk.maps()[0];
    float[] b = un.maps()[0];
    assertEquals(3.5, a[0], 1e-6); // mean{0,1,6,7}
    assertEquals(3.5, b[0], 1e-6); // outside image excluded, not zero-padded (14/9 would be wrong)
    assertEquals(10.5, a[6 * 2 + 2], 1e-6); // mean{7,8,13,14}
    assertEquals(14.0, b[6 * 2 + 2], 1e-6); // full 3x3
    assertEquals(4.5, a[2], 1e-6); // (0,2): mean{1,2,7,8}
    assertEquals(5.0, b[2], 1e-6); // (0,2): mean{1,2,3,7,8,9}
    assertEquals(7.0, a[7], 1e-6);
    assertEquals(7.0, b[7], 1e-6);
    for (int i = 0; i < 36; i++) {
      if (roi[i] == 0) {
        assertTrue(Float.isNaN(a[i]) && Float.isNaN(b[i]), "outside the ROI must be NaN at " + i);
      }
    }
    // The same ROI placed in a larger image (no cropping effect): shift by (2, 3) in a 10x10 image
    // with the same local values around the ROI and different values far away.
    double[] img2 = new double[100];
    byte[] roi2 = new byte[100];
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        img2[10 * y + x] = 1000 + x + y;
      }
    }
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        img2[10 * (y + 3) + x + 2] = 6 * y + x;
        roi2[10 * (y + 3) + x + 2] = roi[6 * y + x];
      }
    }
    float[] c = meanMaps(img2, roi2, 10, 10, 1, 1, true).maps()[0];
    assertEquals(10.5, c[10 * 5 + 4], 1e-6);
    assertEquals(7.0, c[10 * 4 + 3], 1e-6);
  }

  @Test
  void radiusInMmIsConvertedPerAxis() {
    Geometry g = Geometry.of(new int[] {5, 5, 5}, new double[] {0.8, 0.8, 2.5});
    double[] img = new double[125];
    byte[] roi = new byte[125];
    roi[62] = 1;
    FeatureMapEngine e =
        FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
            .settings(RadiomicsSettings.builder().maskedKernel(false).build())
            .radiusMm(2.0)
            .features(Map.of())
            .calculators(List.of(new MeanCalculator()))
            .build();
    // floor(2.0/0.8) = 2 in-plane, floor(2.0/2.5) = 0 across slices
    assertEquals(List.of(2, 2, 0), java.util.Arrays.stream(e.radiusVoxels()).boxed().toList());
    FeatureMaps m = e.run();
    assertEquals(25.0, m.maps()[1][62], 0.0); // unmasked 5x5x1 window around the centre
  }

  @Test
  void cancelStopsTheRunAndProgressReachesOne() {
    Geometry g = Geometry.of(new int[] {8, 8, 4}, new double[] {1, 1, 1});
    byte[] roi = new byte[256];
    java.util.Arrays.fill(roi, (byte) 1);
    double[] img = new double[256];
    for (int i = 0; i < 256; i++) {
      img[i] = i % 17;
    }
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    org.habitatj.core.progress.Progress cancelAfterTwo = new org.habitatj.core.progress.Progress() {
      @Override
      public void status(String message) {}

      @Override
      public void fraction(double done) {
        calls.incrementAndGet();
      }

      @Override
      public boolean isCanceled() {
        return calls.get() >= 2;
      }
    };
    FeatureMapEngine e = FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
        .features(Map.of("glcm", List.of("Contrast"))).chunkSize(16).threads(2)
        .progress(cancelAfterTwo).build();
    assertThrows(org.habitatj.core.progress.CanceledException.class, e::run);
    double[] last = {0};
    FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
        .features(Map.of("glcm", List.of("Contrast"))).chunkSize(16)
        .progress(new org.habitatj.core.progress.Progress() {
          @Override
          public void status(String message) {}

          @Override
          public void fraction(double done) {
            last[0] = Math.max(last[0], done);
          }

          @Override
          public boolean isCanceled() {
            return false;
          }
        }).build().run();
    assertEquals(1.0, last[0], 0.0);
  }

  @Test
  void featureChoiceParser() {
    assertEquals(Map.of("firstorder", List.of(), "glcm", List.of("Contrast", "Idm")),
        FeatureMapEngine.parseFeatures("firstorder, glcm_Contrast original_glcm_Idm"));
    assertEquals(6, FeatureMapEngine.parseFeatures("").size());
    // "all" (as settings.json writes it) is the same as empty
    assertEquals(FeatureMapEngine.parseFeatures(""), FeatureMapEngine.parseFeatures(" All "));
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> FeatureMapEngine.parseFeatures("glmc_Contrast"));
    assertTrue(ex.getMessage().contains("glmc"), ex.getMessage());
  }

  @Test
  void geometryMismatchIsRefused() {
    Geometry g1 = Geometry.of(new int[] {4, 4, 1}, new double[] {1, 1, 1});
    Geometry g2 = Geometry.of(new int[] {4, 4, 2}, new double[] {1, 1, 1});
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> FeatureMapEngine.builder(Volume.ofDoubles(new double[16], g1), Mask.empty(g2)).build());
    assertTrue(ex.getMessage().contains("4×4×2"), ex.getMessage());
  }
}
