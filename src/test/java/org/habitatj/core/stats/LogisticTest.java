package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogisticTest {
  /**
   * Wikipedia "Logistic regression", example "Probability of passing an exam versus hours of
   * study" (20 students); R glm output reproduced at
   * rstudio-pubs-static.s3.amazonaws.com/167443_521a65d0dc3e4f04aeba47a8fd813554.html:
   * (Intercept) -4.077713 (SE 1.7610, z -2.316, p 0.0206), Hours 1.504645 (SE 0.6287, z 2.393, p
   * 0.0167).
   */
  static final double[] HOURS = {
    0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50, 4.00, 4.25,
    4.50, 4.75, 5.00, 5.50
  };
  static final int[] PASS = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};

  static double[][] column(double[] v) {
    double[][] x = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      x[i][0] = v[i];
    }
    return x;
  }

  @Test
  void wikipediaHoursExample() {
    Logistic.Fit f = Logistic.fit(column(HOURS), PASS, new String[] {"Hours"});
    assertEquals(-4.077713, f.coefficients()[0], 1e-6);
    assertEquals(1.504645, f.coefficients()[1], 1e-6);
    assertEquals(1.7610, f.standardErrors()[0], 5e-5);
    assertEquals(0.6287, f.standardErrors()[1], 5e-5);
    assertEquals(-2.316, f.z()[0], 5e-4);
    assertEquals(2.393, f.z()[1], 5e-4);
    assertEquals(0.0206, f.p()[0], 5e-5);
    assertEquals(0.0167, f.p()[1], 5e-5);
    assertEquals(Math.exp(1.504645), f.oddsRatio(1), 1e-5);
    assertEquals(f.coefficients()[1] - 1.959963985 * f.standardErrors()[1], f.ciLower()[1], 1e-9);
    assertEquals("Hours", f.names()[1]);
  }

  @Test
  void scoreEquationsVanishWithTwoPredictors() {
    // x2 = a deterministic non-collinear second predictor
    double[][] x = new double[HOURS.length][2];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = HOURS[i];
      x[i][1] = Math.sin(3 * i) + (i % 4);
    }
    Logistic.Fit f = Logistic.fit(x, PASS, null);
    double[] g = new double[3];
    for (int i = 0; i < x.length; i++) {
      double r = PASS[i] - f.predict(x[i]);
      g[0] += r;
      g[1] += r * x[i][0];
      g[2] += r * x[i][1];
    }
    for (double v : g) {
      assertEquals(0, v, 1e-9);
    }
  }

  @Test
  void separationIsReported() {
    double[][] x = column(new double[] {1, 2, 3, 4, 5, 6});
    int[] y = {0, 0, 0, 1, 1, 1};
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> Logistic.fit(x, y, null));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("separated"));
  }
}
