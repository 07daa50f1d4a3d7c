package org.habitatj.core.stats;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Intraclass correlation coefficients for n targets rated by k raters (Shrout &amp; Fleiss, Psychol
 * Bull 1979;86:420; McGraw &amp; Wong, Psychol Methods 1996;1:30), with F-based confidence intervals
 * as in R psych::ICC.
 *
 * <p>From the two-way ANOVA of the n×k table: MSR (targets), MSC (raters), MSE (residual), MSW (one-
 * way within-target).
 *
 * <ul>
 *   <li>ICC(1,1) = (MSR−MSW)/(MSR+(k−1)MSW); ICC(1,k) = (MSR−MSW)/MSR
 *   <li>ICC(2,1) (two-way random, absolute agreement, McGraw–Wong ICC(A,1)) =
 *       (MSR−MSE)/(MSR+(k−1)MSE+k(MSC−MSE)/n); ICC(2,k) = (MSR−MSE)/(MSR+(MSC−MSE)/n)
 *   <li>ICC(3,1) (two-way mixed, consistency, ICC(C,1)) = (MSR−MSE)/(MSR+(k−1)MSE); ICC(3,k) =
 *       (MSR−MSE)/MSR
 * </ul>
 *
 * <p>CIs: ICC(1,·) from F = MSR/MSW with df (n−1, n(k−1)); ICC(3,·) from F = MSR/MSE with df (n−1,
 * (n−1)(k−1)); ICC(2,·) from the Satterthwaite df of McGraw &amp; Wong. F quantiles come from Apache
 * Commons Statistics. Missing ratings are not supported (complete table required). When the error
 * mean square is 0 (perfect agreement) the F ratio is infinite and the bounds are NaN.
 */
public final class Icc {

  /** The six forms. */
  public enum Form {
    ICC1_1("ICC(1,1)", "one-way random, single rater"),
    ICC2_1("ICC(2,1)", "two-way random, absolute agreement, single rater"),
    ICC3_1("ICC(3,1)", "two-way mixed, consistency, single rater"),
    ICC1_K("ICC(1,k)", "one-way random, average of k raters"),
    ICC2_K("ICC(2,k)", "two-way random, absolute agreement, average of k raters"),
    ICC3_K("ICC(3,k)", "two-way mixed, consistency, average of k raters");

    private final String label;
    private final String description;

    Form(String label, String description) {
      this.label = label;
      this.description = description;
    }

    public String label() {
      return label;
    }

    public String description() {
      return description;
    }
  }

  /** One ICC estimate with its confidence interval and F test. */
  public record Estimate(Form form, double value, double lower, double upper, double f, double df1,
      double df2, double p) {}

  /** All forms for one rating table. */
  public record Result(int n, int k, double msr, double msc, double mse, double msw,
      Estimate[] estimates) {
    public Estimate get(Form f) {
      return estimates[f.ordinal()];
    }
  }

  private Icc() {}

  /** ICCs with 95% CIs for ratings[target][rater]. */
  public static Result compute(double[][] ratings) {
    return compute(ratings, 0.05);
  }

  /**
   * ICCs with (1 − alpha) CIs.
   *
   * @param ratings n×k table, rows = targets (e.g. patients/features), columns = raters/sessions
   * @throws IllegalArgumentException if n &lt; 2, k &lt; 2, the table is ragged or holds a
   *     non-finite value
   */
  public static Result compute(double[][] ratings, double alpha) {
    int n = ratings.length;
    if (n < 2) {
      throw new IllegalArgumentException("ICC needs at least 2 targets (rows), got " + n);
    }
    int k = ratings[0].length;
    if (k < 2) {
      throw new IllegalArgumentException("ICC needs at least 2 raters (columns), got " + k);
    }
    double grand = 0;
    double[] rowMean = new double[n];
    double[] colMean = new double[k];
    for (int i = 0; i < n; i++) {
      if (ratings[i].length != k) {
        throw new IllegalArgumentException("row " + i + " has " + ratings[i].length + " ratings, expected " + k);
      }
      for (int j = 0; j < k; j++) {
        double v = ratings[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("rating at row " + i + ", column " + j + " is not finite");
        }
        rowMean[i] += v / k;
        colMean[j] += v / n;
        grand += v;
      }
    }
    grand /= n * k;
    double ssr = 0;
    double ssc = 0;
    for (int i = 0; i < n; i++) {
      ssr += k * (rowMean[i] - grand) * (rowMean[i] - grand);
    }
    for (int j = 0; j < k; j++) {
      ssc += n * (colMean[j] - grand) * (colMean[j] - grand);
    }
    double sse = 0; // residual sum of squares computed directly (no cancellation)
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        double r = ratings[i][j] - rowMean[i] - colMean[j] + grand;
        sse += r * r;
      }
    }
    double msr = ssr / (n - 1);
    double msc = ssc / (k - 1);
    double mse = sse / ((n - 1) * (k - 1));
    double msw = (sse + ssc) / (n * (k - 1));

    Estimate[] e = new Estimate[6];
    // ICC(1,·)
    double f1 = msr / msw;
    double df11 = n - 1;
    double df12 = n * (k - 1);
    double fl1 = f1 / fq(1 - alpha / 2, df11, df12);
    double fu1 = f1 * fq(1 - alpha / 2, df12, df11);
    double p1 = FDistribution.of(df11, df12).survivalProbability(f1);
    e[0] = new Estimate(Form.ICC1_1, (msr - msw) / (msr + (k - 1) * msw),
        (fl1 - 1) / (fl1 + k - 1), (fu1 - 1) / (fu1 + k - 1), f1, df11, df12, p1);
    e[3] = new Estimate(Form.ICC1_K, (msr - msw) / msr, 1 - 1 / fl1, 1 - 1 / fu1, f1, df11, df12, p1);
    // ICC(3,·)
    double f3 = msr / mse;
    double df31 = n - 1;
    double df32 = (n - 1) * (k - 1);
    double fl3 = f3 / fq(1 - alpha / 2, df31, df32);
    double fu3 = f3 * fq(1 - alpha / 2, df32, df31);
    double p3 = FDistribution.of(df31, df32).survivalProbability(f3);
    e[2] = new Estimate(Form.ICC3_1, (msr - mse) / (msr + (k - 1) * mse),
        (fl3 - 1) / (fl3 + k - 1), (fu3 - 1) / (fu3 + k - 1), f3, df31, df32, p3);
    e[5] = new Estimate(Form.ICC3_K, (msr - mse) / msr, 1 - 1 / fl3, 1 - 1 / fu3, f3, df31, df32, p3);
    // ICC(2,·) with Satterthwaite df (McGraw & Wong 1996, as psych::ICC)
    double icc2 = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
    double fj = msc / mse;
    double a = k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2;
    double vn = (k - 1) * (n - 1) * a * a;
    double b = n * (1 + (k - 1) * icc2) - k * icc2;
    double vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + b * b;
    double v = vn / vd;
    double f2u = fq(1 - alpha / 2, n - 1, v);
    double f2l = fq(1 - alpha / 2, v, n - 1);
    double c = k * msc + (k * n - k - n) * mse;
    double l2 = n * (msr - f2u * mse) / (f2u * c + n * msr);
    double u2 = n * (f2l * msr - mse) / (c + n * f2l * msr);
    double p2 = p3; // F test of the target effect is the same two-way test
    e[1] = new Estimate(Form.ICC2_1, icc2, l2, u2, f3, n - 1, v, p2);
    e[4] = new Estimate(Form.ICC2_K, (msr - mse) / (msr + (msc - mse) / n),
        l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1)), f3, n - 1, v, p2);
    return new Result(n, k, msr, msc, mse, msw, e);
  }

  private static double fq(double prob, double df1, double df2) {
    if (!(df1 > 0 && df2 > 0 && Double.isFinite(df1) && Double.isFinite(df2))) {
      return Double.NaN;
    }
    return FDistribution.of(df1, df2).inverseCumulativeProbability(prob);
  }
}
