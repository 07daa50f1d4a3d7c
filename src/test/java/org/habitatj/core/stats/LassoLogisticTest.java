package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LassoLogisticTest {
  static double[][] x;
  static int[] y;

  static {
    // small synthetic dataset: 60 rows, 6 predictors on different scales, 2 informative
    SplittableRandom r = new SplittableRandom(11);
    int n = 60;
    x = new double[n][6];
    y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 6; j++) {
        x[i][j] = r.nextGaussian() * (j + 1) * 10 + j;
      }
      double eta = 0.08 * x[i][0] - 0.03 * x[i][2] + 0.3;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
  }

  @Test
  void lambdaMaxFromDefinition() {
    // lambda_max = max_j |sum_i xs_ij (y_i - ybar)| / N with xs standardised by the 1/N sd
    int n = y.length;
    double ybar = 0;
    for (int v : y) {
      ybar += v / (double) n;
    }
    double best = 0;
    for (int j = 0; j < 6; j++) {
      double m = 0;
      for (double[] row : x) {
        m += row[j] / n;
      }
      double v = 0;
      for (double[] row : x) {
        v += (row[j] - m) * (row[j] - m) / n;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += (x[i][j] - m) / Math.sqrt(v) * (y[i] - ybar);
      }
      best = Math.max(best, Math.abs(s) / n);
    }
    assertEquals(best, LassoLogistic.lambdaMax(x, y), 1e-14);
    LassoLogistic.Path p = LassoLogistic.fit(x, y, null, LassoLogistic.Settings.defaults());
    assertEquals(100, p.lambdas().length);
    assertEquals(best, p.lambdas()[0], 1e-14);
    // N = 60 >= p = 6 -> lambda.min.ratio 1e-4
    assertEquals(best * 1e-4, p.lambdas()[99], 1e-14);
    assertEquals(0, p.nonZero(0));
    // intercept at lambda_max is logit(ybar)
    assertEquals(Math.log(ybar / (1 - ybar)), p.intercepts()[0], 1e-9);
    // just below lambda_max, exactly one predictor enters
    LassoLogistic.Path q =
        LassoLogistic.fit(x, y, null, new double[] {best * 0.999}, LassoLogistic.Settings.defaults());
    assertEquals(1, q.nonZero(0));
  }

  @Test
  void kktConditionsAlongPath() {
    LassoLogistic.Path p = LassoLogistic.fit(x, y, null, LassoLogistic.Settings.defaults());
    int checkedActive = 0;
    for (int l : new int[] {0, 5, 15, 30, 50, 99}) {
      double lambda = p.lambdas()[l];
      double[] g = LassoLogistic.gradient(x, y, p, l);
      assertEquals(0, g[0], 1e-8, "intercept score at l=" + l);
      for (int j = 0; j < 6; j++) {
        double b = p.standardizedBetas()[l][j];
        if (b != 0) {
          assertEquals(lambda * Math.signum(b), g[j + 1], 1e-8, "active j=" + j + " l=" + l);
          checkedActive++;
        } else {
          assertTrue(Math.abs(g[j + 1]) <= lambda + 1e-8, "inactive j=" + j + " l=" + l);
        }
      }
    }
    assertTrue(checkedActive > 10);
  }

  @Test
  void smallLambdaApproachesMaximumLikelihood() {
    LassoLogistic.Path p =
        LassoLogistic.fit(x, y, null, new double[] {1e-9}, LassoLogistic.Settings.defaults());
    Logistic.Fit f = Logistic.fit(x, y, null);
    for (int j = 0; j < 6; j++) {
      assertEquals(f.coefficients()[j + 1], p.betas()[0][j], 1e-5 * (1 + Math.abs(f.coefficients()[j + 1])));
    }
    assertEquals(f.coefficients()[0], p.intercepts()[0], 1e-5);
  }

  @Test
  void crossValidationIsSeededAndOrdered() {
    LassoLogistic.Settings s = LassoLogistic.Settings.defaults().withNlambda(40);
    LassoLogistic.CvResult a = LassoLogistic.crossValidate(x, y, null, s, 10, 42);
    LassoLogistic.CvResult b = LassoLogistic.crossValidate(x, y, null, s, 10, 42);
    assertArrayEquals(a.cvm(), b.cvm(), 0);
    assertArrayEquals(a.foldIds(), b.foldIds());
    assertTrue(a.lambda1se() >= a.lambdaMin());
    // cvm at lambda_min is the minimum; lambda_1se within one SE
    for (double v : a.cvm()) {
      assertTrue(a.cvm()[a.indexMin()] <= v);
    }
    assertTrue(a.cvm()[a.index1se()] <= a.cvm()[a.indexMin()] + a.cvsd()[a.indexMin()]);
    // no larger lambda satisfies the 1-SE bound
    for (int l = 0; l < a.index1se(); l++) {
      assertTrue(a.cvm()[l] > a.cvm()[a.indexMin()] + a.cvsd()[a.indexMin()]);
    }
    // stratified folds: each fold has 6 rows (60/10) and cases spread over folds
    int[] size = new int[10];
    for (int f : a.foldIds()) {
      size[f]++;
    }
    for (int sz : size) {
      assertEquals(6, sz);
    }
    // user-supplied folds give the same result as the generated ones
    LassoLogistic.CvResult c = LassoLogistic.crossValidate(x, y, null, s, a.foldIds(), 42);
    assertArrayEquals(a.cvm(), c.cvm(), 0);
    // with all-zero coefficients (lambda_max) cv deviance ~ null deviance per obs, > 1
    assertTrue(a.cvm()[0] > 1.0);
  }
}
