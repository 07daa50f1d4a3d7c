package org.habitatj.core.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Hosmer–Lemeshow goodness-of-fit test, replicating R {@code ResourceSelection::hoslem.test(y, yhat,
 * g)}: group boundaries are {@code unique(quantile(yhat, seq(0, 1, 1/g)))} with R's default type-7
 * quantiles; groups are the intervals (b₀, b₁], (b₁, b₂], …, the first closed on the left
 * ({@code cut(..., include.lowest = TRUE)}). χ² = Σ over groups of (O₁−E₁)²/E₁ + (O₀−E₀)²/E₀ with
 * O₁ = Σy, E₁ = Σŷ, O₀ = Σ(1−y), E₀ = Σ(1−ŷ); df = g − 2 <b>even when tied quantiles merge
 * groups</b> (as the R package, which only warns; {@link Result#groups()} reports the actual
 * number); p = P(χ²<sub>df</sub> &gt; χ²). An empty interval (possible with ties) is skipped,
 * where R would return NaN.
 */
public final class HosmerLemeshow {

  /** Test result with the per-group table. */
  public record Result(double chiSquare, int df, double p, int groups, double[] breaks,
      int[] count, double[] observed1, double[] expected1) {}

  private HosmerLemeshow() {}

  /** R type-7 quantile of sorted data. */
  static double quantile7(double[] sorted, double prob) {
    int n = sorted.length;
    double h = (n - 1) * prob;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * @param y outcomes 0/1
   * @param yhat predicted probabilities in [0, 1]
   * @param g requested number of groups (commonly 10)
   */
  public static Result test(int[] y, double[] yhat, int g) {
    if (y.length != yhat.length) {
      throw new IllegalArgumentException("y and yhat differ in length");
    }
    if (g < 3) {
      throw new IllegalArgumentException("need g >= 3 groups, got " + g);
    }
    Linalg.checkLabels(y);
    double[] s = yhat.clone();
    Arrays.sort(s);
    double[] br = new double[g + 1];
    for (int q = 0; q <= g; q++) {
      br[q] = quantile7(s, q / (double) g);
    }
    double[] breaks = Arrays.stream(br).distinct().toArray();
    int ng = breaks.length - 1;
    if (ng < 1) {
      throw new IllegalArgumentException("all predicted probabilities are equal; cannot group");
    }
    int[] cnt = new int[ng];
    double[] o1 = new double[ng];
    double[] e1 = new double[ng];
    for (int i = 0; i < y.length; i++) {
      int grp = -1;
      for (int b = 0; b < ng; b++) {
        if (yhat[i] <= breaks[b + 1] && (yhat[i] > breaks[b] || b == 0 && yhat[i] >= breaks[0])) {
          grp = b;
          break;
        }
      }
      cnt[grp]++;
      o1[grp] += y[i];
      e1[grp] += yhat[i];
    }
    double chi = 0;
    for (int b = 0; b < ng; b++) {
      if (cnt[b] == 0) {
        continue; // empty interval between tied breaks (R would give NaN); skipped
      }
      double o0 = cnt[b] - o1[b];
      double e0 = cnt[b] - e1[b];
      chi += (o1[b] - e1[b]) * (o1[b] - e1[b]) / e1[b] + (o0 - e0) * (o0 - e0) / e0;
    }
    int df = g - 2;
    double p = ChiSquaredDistribution.of(df).survivalProbability(chi);
    return new Result(chi, df, p, ng, breaks, cnt, o1, e1);
  }
}
