package org.habitatj.core.habitat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact (globally optimal) k-means for one feature, by dynamic programming over the sorted values
 * (Wang &amp; Song, "Ckmeans.1d.dp", R Journal 3(2), 2011): in 1-D every optimal cluster is a run of
 * consecutive sorted values, so D[m][j] = min<sub>i</sub> D[m−1][i−1] + SS(i..j) gives the optimum
 * in O(k·n²) time. Ties between equal costs keep the earliest split point, so the result is
 * deterministic.
 */
final class OptimalKMeans1D {

  /** Largest n for which the O(k·n²) solution is used. */
  static final int MAX_N = 4000;

  private OptimalKMeans1D() {}

  /**
   * @param v values (n ≥ k)
   * @param k clusters
   * @return cluster 0..k−1 per value, numbered in ascending order of value
   */
  static int[] cluster(double[] v, int k) {
    int n = v.length;
    Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> v[i]).thenComparingInt(i -> i));
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = v[boxed[i]];
    }
    // shift by the median for numerical stability of the prefix sums
    double shift = s[n / 2];
    double[] p1 = new double[n + 1];
    double[] p2 = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double x = s[i] - shift;
      p1[i + 1] = p1[i] + x;
      p2[i + 1] = p2[i] + x * x;
    }
    double[][] d = new double[k][n];
    int[][] from = new int[k][n];
    for (int j = 0; j < n; j++) {
      d[0][j] = ss(p1, p2, 0, j);
    }
    for (int m = 1; m < k; m++) {
      for (int j = 0; j < n; j++) {
        double best = Double.POSITIVE_INFINITY;
        int arg = -1;
        for (int i = m; i <= j; i++) { // cluster m covers i..j, earlier ones 0..i-1
          double c = d[m - 1][i - 1] + ss(p1, p2, i, j);
          if (c < best) {
            best = c;
            arg = i;
          }
        }
        d[m][j] = best;
        from[m][j] = arg;
      }
    }
    int[] y = new int[n];
    int j = n - 1;
    for (int m = k - 1; m >= 0; m--) {
      int start = m == 0 ? 0 : from[m][j];
      for (int i = start; i <= j; i++) {
        y[boxed[i]] = m;
      }
      j = start - 1;
    }
    return y;
  }

  private static double ss(double[] p1, double[] p2, int i, int j) {
    int n = j - i + 1;
    double sum = p1[j + 1] - p1[i];
    return Math.max(0, (p2[j + 1] - p2[i]) - sum * sum / n);
  }
}
