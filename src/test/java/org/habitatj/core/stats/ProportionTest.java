package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTest {
  /** CLINICAL.md 4.9(d): Wilson and Clopper-Pearson 95% intervals. */
  @ParameterizedTest
  @CsvSource({
    "20,400,0.032597,0.075964,0.030805,0.076167",
    "17,20,0.639581,0.947631,0.621073,0.967929",
    "8,10,0.490162,0.943318,0.443905,0.974789",
    "0,10,0,0.277533,0,0.308497"
  })
  void table(int x, int n, double wl, double wu, double cl, double cu) {
    Proportion w = Proportion.wilson(x, n, 0.05);
    assertEquals(wl, w.lower(), 1e-6);
    assertEquals(wu, w.upper(), 1e-6);
    Proportion c = Proportion.clopperPearson(x, n, 0.05);
    assertEquals(cl, c.lower(), 1e-6);
    assertEquals(cu, c.upper(), 1e-6);
    assertEquals(x / (double) n, w.estimate(), 0);
  }
}
