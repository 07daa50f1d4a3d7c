package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * Univariable screening of candidate predictors against a binary outcome (tests from Apache Commons
 * Statistics inference).
 *
 * <ul>
 *   <li>Continuous: Mann–Whitney U (two-sided, default p-value method: exact for small samples
 *       without ties, else normal approximation with continuity correction, like R {@code
 *       wilcox.test}) or Welch's unequal-variance t-test (R {@code t.test} default).
 *   <li>Categorical: Pearson χ² test of the levels × outcome table (no continuity correction); when
 *       the table is 2×2 and any expected count is &lt; 5, Fisher's exact test (two-sided) instead.
 * </ul>
 *
 * A predictor is selected when p &lt; threshold (strict).
 */
public final class Univariable {

  /** Test for continuous predictors. */
  public enum ContinuousTest {
    MANN_WHITNEY,
    WELCH_T
  }

  /** One screened predictor. */
  public record Row(String name, boolean categorical, String test, double statistic, double p,
      boolean selected, String summaryControls, String summaryCases) {}

  private Univariable() {}

  /** Screens a continuous predictor. */
  public static Row continuous(String name, double[] x, int[] y, ContinuousTest test, double threshold) {
    Linalg.checkLabels(y);
    double[][] g = groups(x, y);
    if (g[0].length < 2 || g[1].length < 2) {
      throw new IllegalArgumentException(name + ": each outcome group needs at least 2 values");
    }
    double stat;
    double p;
    String tn;
    if (test == ContinuousTest.WELCH_T) {
      TTest.Result r = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(g[1], g[0]);
      stat = r.getStatistic();
      p = r.getPValue();
      tn = "Welch t-test";
    } else {
      MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(g[1], g[0]);
      stat = r.getStatistic();
      p = r.getPValue();
      tn = "Mann-Whitney U";
    }
    return new Row(name, false, tn, stat, p, p < threshold, medianIqr(g[0]), medianIqr(g[1]));
  }

  /** Screens a categorical predictor coded as arbitrary numeric levels. */
  public static Row categorical(String name, double[] x, int[] y, double threshold) {
    return categorical(name, x, y, threshold, null);
  }

  /**
   * Screens a categorical predictor coded as level indices 0, 1, ... into {@code levelNames};
   * the summaries count each level under its name ({@code cystic: 7; solid: 11}). With null
   * names the summaries show the codes.
   *
   * @throws IllegalArgumentException if a code is not an index into {@code levelNames}
   */
  public static Row categorical(String name, double[] x, int[] y, double threshold,
      List<String> levelNames) {
    Linalg.checkLabels(y);
    TreeSet<Double> lv = new TreeSet<>();
    for (double v : x) {
      lv.add(v);
    }
    List<Double> levels = new ArrayList<>(lv);
    if (levels.size() < 2) {
      throw new IllegalArgumentException(name + ": categorical predictor has a single level");
    }
    long[][] t = new long[levels.size()][2];
    for (int i = 0; i < x.length; i++) {
      t[levels.indexOf(x[i])][y[i]]++;
    }
    boolean small = false;
    long n = x.length;
    long c1 = 0;
    for (long[] r : t) {
      c1 += r[1];
    }
    for (long[] r : t) {
      long rs = r[0] + r[1];
      if (rs * (double) (n - c1) / n < 5 || rs * (double) c1 / n < 5) {
        small = true;
      }
    }
    double stat;
    double p;
    String tn;
    if (small && levels.size() == 2) {
      int[][] ti = {{(int) t[0][0], (int) t[0][1]}, {(int) t[1][0], (int) t[1][1]}};
      var r = FisherExactTest.withDefaults().test(ti);
      stat = r.getStatistic();
      p = r.getPValue();
      tn = "Fisher exact";
    } else {
      var r = ChiSquareTest.withDefaults().test(t);
      stat = r.getStatistic();
      p = r.getPValue();
      tn = small ? "Chi-square (expected < 5 in some cells)" : "Chi-square";
    }
    StringBuilder s0 = new StringBuilder();
    StringBuilder s1 = new StringBuilder();
    for (int l = 0; l < levels.size(); l++) {
      String lab = label(levels.get(l), levelNames, name);
      s0.append(l > 0 ? "; " : "").append(lab).append(": ").append(t[l][0]);
      s1.append(l > 0 ? "; " : "").append(lab).append(": ").append(t[l][1]);
    }
    return new Row(name, true, tn, stat, p, p < threshold, s0.toString(), s1.toString());
  }

  private static String label(double code, List<String> names, String predictor) {
    if (names == null) {
      return fmtLevel(code);
    }
    int i = (int) code;
    if (i != code || i < 0 || i >= names.size()) {
      throw new IllegalArgumentException(predictor + ": level code " + fmtLevel(code)
          + " has no name among " + names);
    }
    return names.get(i);
  }

  private static String fmtLevel(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static double[][] groups(double[] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    int m = 0;
    for (int v : y) {
      m += v;
    }
    double[] a = new double[x.length - m];
    double[] b = new double[m];
    for (int i = 0, ia = 0, ib = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("value at row " + i + " is not finite");
      }
      if (y[i] == 1) {
        b[ib++] = x[i];
      } else {
        a[ia++] = x[i];
      }
    }
    return new double[][] {a, b};
  }

  private static String medianIqr(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return String.format(java.util.Locale.ROOT, "%.4g [%.4g, %.4g]",
        HosmerLemeshow.quantile7(s, 0.5), HosmerLemeshow.quantile7(s, 0.25),
        HosmerLemeshow.quantile7(s, 0.75));
  }
}
