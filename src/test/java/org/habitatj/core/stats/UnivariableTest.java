package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnivariableTest {
  @Test
  void chiSquareHandComputed() {
    // 2x2 table level0: (y0=10, y1=5), level1: (5, 10); all expected 7.5
    // chi2 = 4 * 2.5^2/7.5 = 3.333333, p = erfc(sqrt(chi2/2)) = 0.0678892
    double[] x = new double[30];
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      x[i] = i < 15 ? 0 : 1;
      y[i] = i < 15 ? (i < 10 ? 0 : 1) : (i < 20 ? 0 : 1);
    }
    Univariable.Row r = Univariable.categorical("c", x, y, 0.05);
    assertEquals("Chi-square", r.test());
    assertEquals(10.0 / 3, r.statistic(), 1e-12);
    assertEquals(0.0678892, r.p(), 1e-7);
    assertFalse(r.selected());
    assertTrue(Univariable.categorical("c", x, y, 0.1).selected());
  }

  @Test
  void fisherForSmallCounts() {
    // table (y0,y1): level0 (3,0), level1 (0,3): one-sided tail 1/C(6,3) = 1/20, two-sided 0.1
    double[] x = {0, 0, 0, 1, 1, 1};
    int[] y = {0, 0, 0, 1, 1, 1};
    Univariable.Row r = Univariable.categorical("c", x, y, 0.05);
    assertEquals("Fisher exact", r.test());
    assertEquals(0.1, r.p(), 1e-12);
  }

  @Test
  void levelNamesInTheSummaries() {
    // codes index the names: 0 = cystic (2 controls), 2 = solid (1 control, 3 cases); code 1
    // (cystic-solid) does not occur and is not listed
    double[] x = {0, 0, 2, 2, 2, 2};
    int[] y = {0, 0, 0, 1, 1, 1};
    Univariable.Row r = Univariable.categorical("composition", x, y, 0.05,
        java.util.List.of("cystic", "cystic-solid", "solid"));
    assertEquals("cystic: 2; solid: 1", r.summaryControls());
    assertEquals("cystic: 0; solid: 3", r.summaryCases());
    assertEquals("0: 2; 2: 1", Univariable.categorical("c", x, y, 0.05).summaryControls());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Univariable.categorical("composition", x, y, 0.05,
            java.util.List.of("cystic", "solid")));
    assertEquals("composition: level code 2 has no name among [cystic, solid]", e.getMessage());
  }

  @Test
  void mannWhitneyExactSmallSample() {
    // complete separation, 3 vs 3, no ties: exact two-sided p = 2/C(6,3) = 0.1
    double[] x = {1, 2, 3, 4, 5, 6};
    int[] y = {0, 0, 0, 1, 1, 1};
    Univariable.Row r =
        Univariable.continuous("v", x, y, Univariable.ContinuousTest.MANN_WHITNEY, 0.05);
    assertEquals(0.1, r.p(), 1e-12);
    assertEquals(9, r.statistic(), 0); // U of cases = 9
    assertEquals("2.000 [1.500, 2.500]", r.summaryControls());
    Univariable.Row t = Univariable.continuous("v", x, y, Univariable.ContinuousTest.WELCH_T, 0.05);
    // Welch t: means 5 vs 2, variances 1 and 1 -> t = 3/sqrt(2/3) = 3.674235, df 4
    assertEquals(3.674235, t.statistic(), 1e-6);
  }
}
