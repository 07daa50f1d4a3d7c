package org.habitatj.core.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * A binomial proportion x/n with a two-sided confidence interval.
 *
 * <p>Intervals come from Apache Commons Statistics {@link BinomialConfidenceInterval}: Wilson
 * score (default for diagnostic metrics) or Clopper–Pearson (exact). When {@code n == 0} the
 * estimate and bounds are NaN.
 *
 * @param successes x
 * @param trials n
 * @param estimate x/n
 * @param lower lower confidence bound
 * @param upper upper confidence bound
 * @param method interval method name, e.g. "Wilson"
 */
public record Proportion(
    int successes, int trials, double estimate, double lower, double upper, String method) {

  /** Wilson score interval at confidence level {@code 1 - alpha}. */
  public static Proportion wilson(int x, int n, double alpha) {
    return of(BinomialConfidenceInterval.WILSON_SCORE, "Wilson", x, n, alpha);
  }

  /** Clopper–Pearson (exact beta) interval at confidence level {@code 1 - alpha}. */
  public static Proportion clopperPearson(int x, int n, double alpha) {
    return of(BinomialConfidenceInterval.CLOPPER_PEARSON, "Clopper-Pearson", x, n, alpha);
  }

  private static Proportion of(
      BinomialConfidenceInterval m, String name, int x, int n, double alpha) {
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n, got x=" + x + ", n=" + n);
    }
    if (n == 0) {
      return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN, name);
    }
    Interval ci = m.fromErrorRate(n, x, alpha);
    return new Proportion(x, n, x / (double) n, ci.getLowerBound(), ci.getUpperBound(), name);
  }
}
