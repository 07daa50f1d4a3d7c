package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocTest {
  // R Metrics::auc documentation example (https://rdrr.io/pkg/Metrics/man/auc.html)
  static final double[] SCORES = {0.9, 0.8, 0.4, 0.5, 0.3, 0.2};
  static final int[] LABELS = {1, 1, 1, 0, 0, 0};

  /**
   * Unpaired DeLong (pROC delong.unpaired.test) on a hand-checked pair with ties. AUC A: cases
   * 0.9, 0.8, 0.8, 0.6, 0.55 vs controls 0.7, 0.5, 0.4, 0.8, 0.3, 0.2: 6 + 5.5 + 5.5 + 4 + 4 = 25
   * of 30 pairs = 0.8333; AUC B: cases 3, 5, 2, 4 vs controls 1, 2, 3, 1, 0.5: 4.5 + 5 + 3.5 + 5 =
   * 18 of 20 = 0.9. Variances, t, df and p from an independent O(mn) kernel-form computation in
   * numpy with scipy.stats.t (not our mid-rank code): Var A 0.016638888888888889, Var B 0.0103125,
   * t = −0.4060861387368542, df = 17.725721400876022, p = 0.6895396758327244.
   */
  @Test
  void unpairedDeLongMatchesKernelFormAndStudentT() {
    Roc a = Roc.of(new double[] {0.9, 0.8, 0.8, 0.6, 0.55, 0.7, 0.5, 0.4, 0.8, 0.3, 0.2},
        new int[] {1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0});
    Roc b = Roc.of(new double[] {1, 3, 2, 5, 3, 1, 2, 0.5, 4},
        new int[] {0, 1, 0, 1, 0, 0, 1, 0, 1});
    assertEquals(25.0 / 30, a.auc(), 1e-15);
    assertEquals(0.9, b.auc(), 1e-15);
    assertEquals(0.016638888888888889, a.variance(), 1e-15);
    assertEquals(0.0103125, b.variance(), 1e-15);
    Roc.UnpairedTest t = Roc.unpairedDeLong(a, b);
    assertEquals(-0.4060861387368542, t.t(), 1e-12);
    assertEquals(17.725721400876022, t.df(), 1e-10);
    assertEquals(0.6895396758327244, t.p(), 1e-10);
    // symmetric in the order of the two curves, except the sign of t
    Roc.UnpairedTest u = Roc.unpairedDeLong(b, a);
    assertEquals(-t.t(), u.t(), 1e-15);
    assertEquals(t.p(), u.p(), 1e-15);
    // identical curves: t = 0, p = 1
    assertEquals(1.0, Roc.unpairedDeLong(a, a).p(), 1e-15);
    // one case only: variance undefined -> a clear error
    Roc one = Roc.of(new double[] {1, 0, 0.5}, new int[] {1, 0, 0});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Roc.unpairedDeLong(a, one));
    assertTrue(e.getMessage().contains("at least 2 cases"), e.getMessage());
  }

  @Test
  void metricsExampleAucAndDeLong() {
    Roc r = Roc.of(SCORES, LABELS);
    assertEquals(0.8888889, r.auc(), 1e-7);
    // CLINICAL.md 4.9(b): DeLong var 0.024691358, SE 0.157134840, CI [0.580910, 1 clipped]
    assertEquals(0.024691358, r.variance(), 1e-9);
    assertEquals(0.157134840, r.standardError(), 1e-9);
    assertEquals(0.580910, r.ciLower(), 1e-6);
    assertEquals(1.0, r.ciUpper(), 0);
  }

  @Test
  void midrankPlacementsEqualKernelDefinitionWithTies() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 57;
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3 == 0 ? 1 : 0;
      s[i] = rnd.nextInt(8) + y[i] * rnd.nextInt(3); // many ties
    }
    // direct O(mn) kernel computation of AUC and DeLong variance
    int m = 0;
    for (int v : y) {
      m += v;
    }
    int c = n - m;
    double[] v10 = new double[m];
    double[] v01 = new double[c];
    int a = 0;
    for (int i = 0; i < n; i++) {
      if (y[i] != 1) {
        continue;
      }
      int b = 0;
      for (int j = 0; j < n; j++) {
        if (y[j] != 0) {
          continue;
        }
        double psi = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        v10[a] += psi / c;
        v01[b] += psi / m;
        b++;
      }
      a++;
    }
    double auc = 0;
    for (double v : v10) {
      auc += v / m;
    }
    double s10 = 0;
    for (double v : v10) {
      s10 += (v - auc) * (v - auc) / (m - 1);
    }
    double s01 = 0;
    for (double v : v01) {
      s01 += (v - auc) * (v - auc) / (c - 1);
    }
    Roc r = Roc.of(s, y);
    assertEquals(auc, r.auc(), 1e-12);
    assertEquals(s10 / m + s01 / c, r.variance(), 1e-12);
  }

  @Test
  void pairedDeLongHandComputed() {
    // labels (1,1,0,0). score1 = (0.9,0.4,0.5,0.1): V10 = (1, 0.5), V01 = (0.5, 1), AUC 0.75.
    // score2 = (0.8,0.7,0.3,0.6): V10 = (1,1), V01 = (1,1), AUC 1.
    // S10 = [[0.125,0],[0,0]], S01 = [[0.125,0],[0,0]] -> var(diff) = 0.125/2 + 0.125/2 = 0.125
    // z = -0.25/sqrt(0.125) = -0.70710678, p = erfc(0.70710678/sqrt 2) = 0.47950012
    int[] y = {1, 1, 0, 0};
    Roc.PairedTest t =
        Roc.pairedDeLong(new double[] {0.9, 0.4, 0.5, 0.1}, new double[] {0.8, 0.7, 0.3, 0.6}, y, 0.95);
    assertEquals(0.75, t.auc1(), 1e-15);
    assertEquals(1.0, t.auc2(), 1e-15);
    assertEquals(-0.70710678, t.z(), 1e-8);
    assertEquals(0.47950012, t.p(), 1e-8);
    double half = 1.959963985 * Math.sqrt(0.125);
    assertEquals(-0.25 - half, t.diffLower(), 1e-8);
    assertEquals(-0.25 + half, t.diffUpper(), 1e-8);

    // covariance sign: score2' = (0.8,0.3,0.2,0.6): V10 = (1,0.5), V01 = (1,0.5), AUC 0.75.
    // cov10 = +0.125, cov01 = -0.125 -> var(diff) = (0.25-0.25)/2 + (0.25+0.25)/2 = 0.25, SE 0.5.
    Roc.PairedTest u =
        Roc.pairedDeLong(new double[] {0.9, 0.4, 0.5, 0.1}, new double[] {0.8, 0.3, 0.2, 0.6}, y, 0.95);
    assertEquals(0.0, u.z(), 1e-15);
    assertEquals(1.0, u.p(), 1e-15);
    assertEquals(-1.959963985 * 0.5, u.diffLower(), 1e-8);
  }

  @Test
  void youdenTieTakesHighestCutoffAndDiagnostics() {
    // J: 0.9->1/3, 0.8->2/3, 0.5->1/3, 0.4->2/3, 0.3->1/3, 0.2->0; tie between 0.8 and 0.4 -> 0.8
    Roc r = Roc.of(SCORES, LABELS);
    Roc.Cutoff c = r.youden();
    assertEquals(0.8, c.cutoff(), 0);
    assertEquals(2.0 / 3, c.sensitivity(), 1e-15);
    assertEquals(1.0, c.specificity(), 1e-15);
    Diagnostics d = r.diagnostics(0.8);
    assertEquals(2, d.tp());
    assertEquals(0, d.fp());
    assertEquals(3, d.tn());
    assertEquals(1, d.fn());
    assertEquals(5.0 / 6, d.accuracy().estimate(), 1e-15);
    assertEquals(0.75, d.npv().estimate(), 1e-15);
    // Wilson 2/3: centre (2/3 + z^2/6)/(1+z^2/3), hand formula below
    double z = 1.959963985;
    double ph = 2.0 / 3;
    double lo = (ph + z * z / 6 - z * Math.sqrt(ph * (1 - ph) / 3 + z * z / 36)) / (1 + z * z / 3);
    assertEquals(lo, d.sensitivity().lower(), 1e-8);
  }

  @Test
  void curveEndpoints() {
    double[][] c = Roc.of(SCORES, LABELS).curve();
    assertEquals(0, c[0][0]);
    assertEquals(0, c[1][0]);
    assertEquals(1, c[0][c[0].length - 1]);
    assertEquals(1, c[1][c[1].length - 1]);
    // trapezoid area of the curve equals the AUC
    double area = 0;
    for (int i = 1; i < c[0].length; i++) {
      area += (c[0][i] - c[0][i - 1]) * (c[1][i] + c[1][i - 1]) / 2;
    }
    assertEquals(8.0 / 9, area, 1e-12);
  }

  @Test
  void rejectsSingleClass() {
    assertThrows(IllegalArgumentException.class,
        () -> Roc.of(new double[] {1, 2}, new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> Roc.of(new double[] {1, 2}, new int[] {1, 2}));
  }

  @Test
  void hanleyMcNeilRatingsWithTies() {
    // Hanley & McNeil, Radiology 1982;143:29, CT ratings 1-5 of 58 normal / 51 abnormal patients:
    // normal 33, 6, 6, 11, 2; abnormal 3, 2, 2, 11, 33; published area W = 0.893 (data and value
    // as recalled, the paper was not retrieved). Hand computation with ties counted 1/2:
    // W = 2642 / (58 * 51) = 0.8931711.
    int[] normal = {33, 6, 6, 11, 2};
    int[] abnormal = {3, 2, 2, 11, 33};
    double[] s = new double[109];
    int[] y = new int[109];
    int k = 0;
    for (int r = 0; r < 5; r++) {
      for (int i = 0; i < normal[r]; i++, k++) {
        s[k] = r + 1;
      }
      for (int i = 0; i < abnormal[r]; i++, k++) {
        s[k] = r + 1;
        y[k] = 1;
      }
    }
    Roc roc = Roc.of(s, y);
    assertEquals(0.893, roc.auc(), 5e-4);
    assertEquals(2642.0 / (58 * 51), roc.auc(), 1e-12);
  }
}
