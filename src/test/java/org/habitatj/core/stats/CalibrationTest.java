package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void binsAndPerfectRecalibration() {
    // Predictions that are the ML fit of the hours data are perfectly calibrated in-sample:
    // refitting y ~ a + b*logit(p) gives a = 0, b = 1 exactly (the score equations coincide).
    Logistic.Fit f = Logistic.fit(LogisticTest.column(LogisticTest.HOURS), LogisticTest.PASS, null);
    double[] p = new double[LogisticTest.HOURS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = f.predict(new double[] {LogisticTest.HOURS[i]});
    }
    Calibration.Result r = Calibration.of(LogisticTest.PASS, p, 4);
    assertEquals(0, r.intercept(), 1e-7);
    assertEquals(1, r.slope(), 1e-7);
    assertArrayEquals(new int[] {5, 5, 5, 5}, r.count());
    // hours are sorted, so bin 1 = first 5 students: passes 0 -> observed 0; bin 2: (1.75,1.75?)
    // rows 5..9 pass = 0,1,0,1,0 -> 0.4; rows 10..14 = 1,0,1,0,1 -> 0.6; rows 15..19 all 1
    assertArrayEquals(new double[] {0, 0.4, 0.6, 1}, r.observed(), 1e-15);
    double m0 = (p[0] + p[1] + p[2] + p[3] + p[4]) / 5;
    assertEquals(m0, r.meanPredicted()[0], 1e-15);
  }

  @Test
  void overconfidentPredictionsHaveSlopeBelowOne() {
    // p' = sigmoid(2 * logit(p)) doubles the spread -> slope exactly 0.5 and intercept 0
    Logistic.Fit f = Logistic.fit(LogisticTest.column(LogisticTest.HOURS), LogisticTest.PASS, null);
    double[] p = new double[LogisticTest.HOURS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Logistic.sigmoid(2 * f.linearPredictor(new double[] {LogisticTest.HOURS[i]}));
    }
    Calibration.Result r = Calibration.of(LogisticTest.PASS, p, 4);
    assertEquals(0.5, r.slope(), 1e-7);
    assertEquals(0, r.intercept(), 1e-7);
  }

  @Test
  void slopeAndInterceptNotEstimableSayWhy() {
    // predictions that separate the outcome completely: the ML slope is +infinity
    Calibration.Result sep = Calibration.of(new int[] {0, 0, 0, 1, 1, 1},
        new double[] {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, 2);
    assertEquals(Double.NaN, sep.slope());
    assertEquals("perfect separation", sep.notEstimable());
    assertArrayEquals(new double[] {0, 1}, sep.observed(), 0);
    Calibration.Result one = Calibration.of(new int[] {1, 1, 1, 1},
        new double[] {0.1, 0.2, 0.3, 0.7}, 2);
    assertEquals("one outcome class only", one.notEstimable());
    assertEquals(Double.NaN, one.intercept());
    Calibration.Result flat = Calibration.of(new int[] {0, 1, 0, 1},
        new double[] {0.4, 0.4, 0.4, 0.4}, 2);
    assertEquals("all predictions equal", flat.notEstimable());
    // overlapping classes, estimable: no reason;
    // Brier = ((0.3-0)^2+(0.6-1)^2+(0.7-0)^2+(0.8-1)^2)/4 = (0.09+0.16+0.49+0.04)/4 = 0.195
    Calibration.Result ok = Calibration.of(new int[] {0, 1, 0, 1},
        new double[] {0.3, 0.6, 0.7, 0.8}, 2);
    assertEquals(null, ok.notEstimable());
    assertEquals(0.195, ok.brier(), 1e-15);
  }
}
