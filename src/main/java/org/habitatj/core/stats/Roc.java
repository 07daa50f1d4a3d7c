package org.habitatj.core.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Receiver operating characteristic analysis of one score against a binary outcome: empirical ROC
 * curve, AUC with DeLong variance and confidence interval, Youden cut-off and diagnostic metrics.
 *
 * <p>Direction is fixed: a <b>higher score means more likely a case</b> (label 1). No automatic
 * direction flipping (unlike pROC's {@code direction="auto"}).
 *
 * <p>AUC and DeLong (DeLong, DeLong &amp; Clarke-Pearson, Biometrics 1988; as in R pROC {@code
 * delong.R}): with kernel ψ(x, y) = 1 if x &gt; y, 1/2 if equal, 0 otherwise, placement values
 * V10<sub>i</sub> = mean<sub>j</sub> ψ(x<sub>i</sub>, y<sub>j</sub>) over the m cases and
 * V01<sub>j</sub> = mean<sub>i</sub> ψ(x<sub>i</sub>, y<sub>j</sub>) over the n controls; AUC =
 * mean(V10); Var = S10/m + S01/n where S10 and S01 are the sample variances (denominators m−1,
 * n−1). Placement values are computed from mid-ranks in O(N log N) (Sun &amp; Xu, IEEE SPL 2014).
 * The Wald CI AUC ± z·SE is clipped to [0, 1]. Variance is NaN when m &lt; 2 or n &lt; 2.
 *
 * <p>Youden rule: candidate cut-offs are the distinct observed scores; a subject is positive when
 * {@code score >= cut-off}; the cut-off maximising J = Se + Sp − 1 is chosen, ties broken by the
 * <b>highest</b> cut-off (i.e. the highest specificity). pROC instead reports mid-points between
 * consecutive scores; both give the same classification of the observed subjects.
 */
public final class Roc {
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private final double[] scores;
  private final int[] labels;
  private final int cases;
  private final int controls;
  private final double auc;
  private final double variance;
  private final double[] v10;
  private final double[] v01;
  private final double confidenceLevel;

  private Roc(double[] scores, int[] labels, double level) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: " + scores.length + " vs " + labels.length);
    }
    Linalg.checkLabels(labels);
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score at row " + i + " is not finite: " + scores[i]);
      }
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0,1): " + level);
    }
    this.scores = scores.clone();
    this.labels = labels.clone();
    this.confidenceLevel = level;
    int m = 0;
    for (int l : labels) {
      m += l;
    }
    this.cases = m;
    this.controls = labels.length - m;
    if (cases == 0 || controls == 0) {
      throw new IllegalArgumentException(
          "ROC needs at least one case and one control (cases=" + cases + ", controls="
              + controls + ")");
    }
    double[][] pv = placements(this.scores, this.labels, cases, controls);
    v10 = pv[0];
    v01 = pv[1];
    double s = 0;
    for (double v : v10) {
      s += v;
    }
    auc = s / cases;
    variance =
        (cases < 2 || controls < 2)
            ? Double.NaN
            : sampleVar(v10, auc) / cases + sampleVar(v01, auc) / controls;
  }

  /** ROC of {@code scores} for {@code labels} (1 = case, 0 = control), 95% CI. */
  public static Roc of(double[] scores, int[] labels) {
    return new Roc(scores, labels, 0.95);
  }

  /** ROC with a given confidence level, e.g. 0.95. */
  public static Roc of(double[] scores, int[] labels, double confidenceLevel) {
    return new Roc(scores, labels, confidenceLevel);
  }

  private static double sampleVar(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / (v.length - 1);
  }

  /** Mid-ranks (1-based) of {@code x}: primitive sort plus binary search of each tie block. */
  static double[] midranks(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int lo = lowerBound(sorted, x[i]);
      int hi = lowerBound(sorted, Math.nextUp(x[i])) - 1;
      r[i] = (lo + hi) / 2.0 + 1;
    }
    return r;
  }

  /** First index with sorted[index] >= v. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double[][] placements(double[] s, int[] y, int m, int n) {
    double[] xs = new double[m];
    double[] ys = new double[n];
    for (int i = 0, a = 0, b = 0; i < s.length; i++) {
      if (y[i] == 1) {
        xs[a++] = s[i];
      } else {
        ys[b++] = s[i];
      }
    }
    double[] rAll = midranks(s);
    double[] rX = midranks(xs);
    double[] rY = midranks(ys);
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    for (int i = 0, a = 0, b = 0; i < s.length; i++) {
      if (y[i] == 1) {
        // number of controls below x (ties count 1/2) = rank among all - rank among cases
        v10[a] = (rAll[i] - rX[a]) / n;
        a++;
      } else {
        // number of cases above y (ties 1/2) = m - (rank among all - rank among controls)
        v01[b] = 1.0 - (rAll[i] - rY[b]) / m;
        b++;
      }
    }
    return new double[][] {v10, v01};
  }

  public int cases() {
    return cases;
  }

  public int controls() {
    return controls;
  }

  /** Area under the empirical ROC curve (= Mann–Whitney U / (m·n)). */
  public double auc() {
    return auc;
  }

  /** DeLong variance of the AUC; NaN with fewer than 2 cases or controls. */
  public double variance() {
    return variance;
  }

  /** DeLong standard error of the AUC. */
  public double standardError() {
    return Math.sqrt(variance);
  }

  public double confidenceLevel() {
    return confidenceLevel;
  }

  private double z() {
    return NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
  }

  /** Lower DeLong confidence bound, clipped at 0. */
  public double ciLower() {
    return Math.max(0, auc - z() * standardError());
  }

  /** Upper DeLong confidence bound, clipped at 1. */
  public double ciUpper() {
    return Math.min(1, auc + z() * standardError());
  }

  /**
   * Empirical ROC curve points from (0,0) to (1,1), one per distinct cut-off in decreasing order.
   *
   * @return {fpr[], tpr[], cutoff[]}; cutoff[0] = +Infinity (nobody positive)
   */
  public double[][] curve() {
    double[] distinct = distinctDescending();
    int k = distinct.length;
    double[] fpr = new double[k + 1];
    double[] tpr = new double[k + 1];
    double[] cut = new double[k + 1];
    cut[0] = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      int[] cm = counts(distinct[c]);
      tpr[c + 1] = cm[0] / (double) cases;
      fpr[c + 1] = cm[1] / (double) controls;
      cut[c + 1] = distinct[c];
    }
    return new double[][] {fpr, tpr, cut};
  }

  private double[] distinctDescending() {
    double[] d = Arrays.stream(scores).distinct().sorted().toArray();
    for (int i = 0, j = d.length - 1; i < j; i++, j--) {
      double t = d[i];
      d[i] = d[j];
      d[j] = t;
    }
    return d;
  }

  /** {TP, FP, TN, FN} with positive = score &gt;= cutoff. */
  private int[] counts(double cutoff) {
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= cutoff) {
        if (labels[i] == 1) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return new int[] {tp, fp, controls - fp, cases - tp};
  }

  /** A cut-off with its sensitivity, specificity and Youden index. */
  public record Cutoff(double cutoff, double sensitivity, double specificity, double youden) {}

  /** Youden-optimal cut-off (rule in the class documentation). */
  public Cutoff youden() {
    Cutoff best = null;
    for (double c : distinctDescending()) {
      int[] cm = counts(c);
      double se = cm[0] / (double) cases;
      double sp = cm[2] / (double) controls;
      double j = se + sp - 1;
      if (best == null || j > best.youden() + 1e-15) {
        best = new Cutoff(c, se, sp, j);
      }
    }
    return best;
  }

  /** Diagnostic metrics at a cut-off (positive when score &gt;= cut-off), Wilson CIs. */
  public Diagnostics diagnostics(double cutoff) {
    int[] cm = counts(cutoff);
    return Diagnostics.of(cm[0], cm[1], cm[2], cm[3], 1 - confidenceLevel, cutoff);
  }

  /**
   * Result of a paired DeLong test of two AUCs on the same subjects (pROC {@code
   * delong.paired.test}).
   *
   * @param auc1 AUC of the first score
   * @param auc2 AUC of the second score
   * @param z (auc1 − auc2)/SE(diff)
   * @param p two-sided p = 2Φ(−|z|)
   * @param diffLower lower bound of the CI of auc1 − auc2
   * @param diffUpper upper bound
   */
  public record PairedTest(
      double auc1, double auc2, double z, double p, double diffLower, double diffUpper) {}

  /**
   * Paired DeLong test of two scores measured on the same subjects: covariance matrices of the
   * placement values S10 (over cases) and S01 (over controls), S = S10/m + S01/n, z =
   * (θ1−θ2)/√(S11 + S22 − 2·S12).
   */
  public static PairedTest pairedDeLong(
      double[] score1, double[] score2, int[] labels, double confidenceLevel) {
    if (score1.length != score2.length) {
      throw new IllegalArgumentException("the two scores differ in length");
    }
    Roc a = of(score1, labels, confidenceLevel);
    Roc b = of(score2, labels, confidenceLevel);
    int m = a.cases;
    int n = a.controls;
    double cov10 = 0;
    for (int i = 0; i < m; i++) {
      cov10 += (a.v10[i] - a.auc) * (b.v10[i] - b.auc);
    }
    double cov01 = 0;
    for (int j = 0; j < n; j++) {
      cov01 += (a.v01[j] - a.auc) * (b.v01[j] - b.auc);
    }
    double s12 = cov10 / (m - 1) / m + cov01 / (n - 1) / n;
    double varDiff = a.variance + b.variance - 2 * s12;
    double diff = a.auc - b.auc;
    double se = Math.sqrt(varDiff);
    double z = diff / se;
    double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    double q = NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    return new PairedTest(a.auc, b.auc, z, p, diff - q * se, diff + q * se);
  }

  /**
   * Unpaired DeLong test result (R pROC {@code roc.test(..., paired = FALSE)}, {@code
   * delong.unpaired.test}).
   *
   * @param auc1 AUC of the first ROC
   * @param auc2 AUC of the second ROC
   * @param t (auc1 − auc2)/√(Var1 + Var2), the Var the DeLong variances of each AUC
   * @param df Welch–Satterthwaite degrees of freedom (Var1 + Var2)² / (Var1²/(N1−1) +
   *     Var2²/(N2−1)), N the number of subjects (cases + controls) of each ROC
   * @param p two-sided p = 2·F<sub>t,df</sub>(−|t|) (Student's t distribution)
   */
  public record UnpairedTest(double auc1, double auc2, double t, double df, double p) {}

  /**
   * Unpaired DeLong test of two ROC curves on different subjects (e.g. the same score in two
   * cohorts, or in two subgroups): t = (θ1 − θ2)/√(V1 + V2) with V the DeLong variance of each
   * AUC ({@link #variance()}), Welch–Satterthwaite degrees of freedom on the subject counts, and a
   * two-sided p-value from Student's t distribution, as R pROC's {@code delong.unpaired.test}.
   * Identical AUCs with zero variance give t = 0, p = 1 (pROC's special case).
   *
   * @param a the first ROC (at least 2 cases and 2 controls)
   * @param b the second ROC (at least 2 cases and 2 controls)
   * @return the test
   * @throws IllegalArgumentException when a ROC has fewer than 2 cases or 2 controls (variance
   *     undefined)
   */
  public static UnpairedTest unpairedDeLong(Roc a, Roc b) {
    for (Roc r : new Roc[] {a, b}) {
      if (!Double.isFinite(r.variance)) {
        throw new IllegalArgumentException("unpaired DeLong test needs at least 2 cases and 2 "
            + "controls per ROC (got " + r.cases + " cases, " + r.controls + " controls)");
      }
    }
    double v = a.variance + b.variance;
    double diff = a.auc - b.auc;
    int na = a.cases + a.controls;
    int nb = b.cases + b.controls;
    if (v == 0) {
      double t = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
      return new UnpairedTest(a.auc, b.auc, t, Double.NaN, diff == 0 ? 1 : 0);
    }
    double t = diff / Math.sqrt(v);
    double df = v * v / (a.variance * a.variance / (na - 1) + b.variance * b.variance / (nb - 1));
    double p = 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(t));
    return new UnpairedTest(a.auc, b.auc, t, df, p);
  }
}
