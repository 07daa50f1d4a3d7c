package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecisionCurveTest {
  @Test
  void metricsExampleNetBenefit() {
    // CLINICAL.md 4.9(e): pt 0.10: TP 3 FP 3 NB 0.444444, treat-all 0.444444;
    // pt 0.35: TP 3 FP 1 NB 0.410256, treat-all 0.230769
    DecisionCurve.Result r =
        DecisionCurve.of(RocTest.LABELS, RocTest.SCORES, new double[] {0.10, 0.35});
    assertEquals(3, r.tp()[0]);
    assertEquals(3, r.fp()[0]);
    assertEquals(0.444444, r.netBenefit()[0], 1e-6);
    assertEquals(0.444444, r.treatAll()[0], 1e-6);
    assertEquals(3, r.tp()[1]);
    assertEquals(1, r.fp()[1]);
    assertEquals(0.410256, r.netBenefit()[1], 1e-6);
    assertEquals(0.230769, r.treatAll()[1], 1e-6);
    assertEquals(0.0, r.treatNone()[1], 0);
    assertEquals(0.5, r.prevalence(), 0);
  }

  @Test
  void thresholdIsInclusive() {
    // p = 0.4 equals pt = 0.4 -> treated (>=): TP 3, FP 2 (0.5, 0.4 ... controls 0.5 only? see below)
    // controls have 0.5, 0.3, 0.2 -> only 0.5 >= 0.4: FP 1; cases 0.9, 0.8, 0.4 -> TP 3
    DecisionCurve.Result r = DecisionCurve.of(RocTest.LABELS, RocTest.SCORES, new double[] {0.4});
    assertEquals(3, r.tp()[0]);
    assertEquals(1, r.fp()[0]);
    assertEquals(0.5 - 1.0 / 6 * (0.4 / 0.6), r.netBenefit()[0], 1e-15);
  }
}
