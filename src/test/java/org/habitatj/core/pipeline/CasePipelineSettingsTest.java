package org.habitatj.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of {@link CasePipeline.Settings}: the ring width (issue: ring_mm=-2 ran silently). */
class CasePipelineSettingsTest {

  private static CasePipeline.Settings withRing(double mm) {
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    return new CasePipeline.Settings(d.radiomics(), mm, d.ringMode(), d.largestSliceOnly(),
        d.kernel(), d.kernelRadius(), d.maskedKernel(), d.mapDiscretization(), d.mapFamilies(),
        d.habitats(), 1);
  }

  @Test
  void negativeOrNonFiniteRingWidthIsRefusedNamingTheSetting() {
    for (double bad : new double[] {-2, -1e-9, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> withRing(bad));
      assertTrue(e.getMessage().contains("ring_mm = " + bad + " mm"), e.getMessage());
      assertTrue(e.getMessage().contains("0 = no ring"), e.getMessage());
    }
  }

  @Test
  void zeroMeansNoRingAndPositiveIsKept() {
    assertEquals(0.0, withRing(0).ringMm(), 0.0);
    assertEquals(3.0, withRing(3).ringMm(), 0.0);
    assertEquals(3.0, CasePipeline.Settings.defaults().ringMm(), 0.0);
  }
}
