package org.habitatj.core.habitat;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One k-means run: greedy k-means++ seeding followed by Lloyd iterations with Hamerly's bounds
 * (Hamerly, "Making k-means even faster", SDM 2010), which skip distance computations that cannot
 * change an assignment and so give exactly Lloyd's result, faster; cluster sums are updated
 * incrementally when points move.
 *
 * <p>Seeding as scikit-learn's {@code kmeans_plusplus} (Arthur &amp; Vassilvitskii 2007 with
 * 2 + ⌊ln k⌋ local trials per centre, keeping the candidate that most reduces the potential). Stop
 * rule as scikit-learn's Lloyd: when no label changes, or when the summed squared centre shift is at
 * most {@code tol × mean feature variance}; labels are then re-assigned to the final centres. A
 * cluster that becomes empty is re-seeded at the point farthest from its centre. Single-threaded and
 * driven by one {@link SplittableRandom}: the result depends only on the data and the seed.
 *
 * <p>Data layout: row-major flat array {@code x[i·p + j]}, n rows, p features.
 */
final class LloydKMeans {

  /**
   * @param y cluster 0..k−1 per row
   * @param iterations Lloyd iterations done
   */
  record Fit(int[] y, int iterations) {}

  private LloydKMeans() {}

  static Fit run(double[] x, int n, int p, int k, long seed, int maxIter, double tol) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return lloyd(x, n, p, k, seed(x, n, p, k, rnd), maxIter, tol, true);
  }

  /**
   * Lloyd iterations from the given centres ({@code c} is overwritten with the final centres).
   *
   * @param bounds use Hamerly's bounds (false: every distance every iteration; for tests)
   */
  static Fit lloyd(double[] x, int n, int p, int k, double[] c, int maxIter, double tol,
      boolean bounds) {
    double tolAbs = tol * meanVariance(x, n, p);
    int[] y = new int[n];
    double[] upper = new double[n];
    double[] lower = new double[n];
    // initial full assignment
    for (int i = 0; i < n; i++) {
      assignFull(x, i, p, c, k, y, upper, lower);
    }
    double[] sum = new double[k * p];
    int[] count = new int[k];
    double[] shift = new double[k];
    double[] half = new double[k];
    double[] newC = new double[k * p];
    int it = 0;
    while (it < maxIter) {
      it++;
      // M-step: per-cluster sums are updated incrementally when points move (E-step below) and
      // recomputed from scratch every 16 iterations to bound rounding drift
      if (it % 16 == 1) {
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
          int b = y[i] * p;
          int a = i * p;
          for (int j = 0; j < p; j++) {
            sum[b + j] += x[a + j];
          }
          count[y[i]]++;
        }
      }
      for (int h = 0; h < k; h++) {
        if (count[h] == 0) {
          // re-seed an empty cluster at the point farthest from its current centre
          int far = 0;
          double best = -1;
          for (int i = 0; i < n; i++) {
            if (upper[i] > best && count[y[i]] > 1) {
              best = upper[i];
              far = i;
            }
          }
          count[y[far]]--;
          for (int j = 0; j < p; j++) {
            sum[y[far] * p + j] -= x[far * p + j];
            sum[h * p + j] = x[far * p + j];
          }
          count[h] = 1;
          y[far] = h;
          upper[far] = 0;
          lower[far] = 0; // its former centre is now "another" centre: force a recheck
        }
      }
      double totalShift = 0;
      for (int h = 0; h < k; h++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          double v = sum[h * p + j] / count[h];
          double d = v - c[h * p + j];
          s += d * d;
          newC[h * p + j] = v;
        }
        shift[h] = Math.sqrt(s);
        totalShift += s;
      }
      System.arraycopy(newC, 0, c, 0, k * p);
      // update bounds (Hamerly)
      int r1 = 0;
      double m1 = -1;
      double m2 = -1;
      for (int h = 0; h < k; h++) {
        if (shift[h] > m1) {
          m2 = m1;
          m1 = shift[h];
          r1 = h;
        } else if (shift[h] > m2) {
          m2 = shift[h];
        }
      }
      for (int i = 0; i < n; i++) {
        upper[i] += shift[y[i]];
        lower[i] -= (y[i] == r1 ? m2 : m1);
      }
      if (totalShift <= tolAbs) {
        break;
      }
      // half the distance from each centre to its nearest other centre
      for (int h = 0; h < k; h++) {
        double m = Double.POSITIVE_INFINITY;
        for (int g = 0; g < k; g++) {
          if (g != h) {
            m = Math.min(m, dist2(c, h * p, c, g * p, p));
          }
        }
        half[h] = 0.5 * Math.sqrt(m);
      }
      // E-step with bounds
      int changed = 0;
      for (int i = 0; i < n; i++) {
        int old = y[i];
        double bound = bounds ? Math.max(half[old], lower[i]) : -1;
        if (upper[i] <= bound) {
          continue;
        }
        upper[i] = Math.sqrt(dist2(x, i * p, c, old * p, p));
        if (upper[i] <= bound) {
          continue;
        }
        assignFull(x, i, p, c, k, y, upper, lower);
        int nw = y[i];
        if (nw != old) {
          changed++;
          count[old]--;
          count[nw]++;
          int a = i * p;
          for (int j = 0; j < p; j++) {
            sum[old * p + j] -= x[a + j];
            sum[nw * p + j] += x[a + j];
          }
        }
      }
      if (changed == 0) {
        break;
      }
    }
    // final E-step so that labels match the final centres (exact, no bounds)
    for (int i = 0; i < n; i++) {
      assignFull(x, i, p, c, k, y, upper, lower);
    }
    return new Fit(y, it);
  }

  /** Nearest centre (ties: lowest index); sets upper = distance to it, lower = to the second. */
  private static void assignFull(double[] x, int i, int p, double[] c, int k, int[] y,
      double[] upper, double[] lower) {
    double b1 = Double.POSITIVE_INFINITY;
    double b2 = Double.POSITIVE_INFINITY;
    int a = 0;
    for (int h = 0; h < k; h++) {
      double d = dist2(x, i * p, c, h * p, p);
      if (d < b1) {
        b2 = b1;
        b1 = d;
        a = h;
      } else if (d < b2) {
        b2 = d;
      }
    }
    y[i] = a;
    upper[i] = Math.sqrt(b1);
    lower[i] = Math.sqrt(b2);
  }

  static double dist2(double[] a, int ao, double[] b, int bo, int p) {
    double s = 0;
    for (int j = 0; j < p; j++) {
      double d = a[ao + j] - b[bo + j];
      s += d * d;
    }
    return s;
  }

  private static double meanVariance(double[] x, int n, int p) {
    double total = 0;
    for (int j = 0; j < p; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i * p + j];
      }
      m /= n;
      double v = 0;
      for (int i = 0; i < n; i++) {
        double d = x[i * p + j] - m;
        v += d * d;
      }
      total += v / n;
    }
    return total / p;
  }

  /** Greedy k-means++ (scikit-learn's variant). */
  static double[] seed(double[] x, int n, int p, int k, SplittableRandom rnd) {
    double[] c = new double[k * p];
    int first = rnd.nextInt(n);
    System.arraycopy(x, first * p, c, 0, p);
    double[] closest = new double[n];
    double pot = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = dist2(x, i * p, c, 0, p);
      pot += closest[i];
    }
    int trials = 2 + (int) Math.floor(Math.log(k));
    double[] cand = new double[n];
    double[] bestD = new double[n];
    for (int h = 1; h < k; h++) {
      int bestIdx = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int idx = sample(closest, pot, rnd);
        double np = 0;
        for (int i = 0; i < n; i++) {
          double d = Math.min(closest[i], dist2(x, i * p, x, idx * p, p));
          cand[i] = d;
          np += d;
        }
        if (np < bestPot) {
          bestPot = np;
          bestIdx = idx;
          System.arraycopy(cand, 0, bestD, 0, n);
        }
      }
      System.arraycopy(x, bestIdx * p, c, h * p, p);
      System.arraycopy(bestD, 0, closest, 0, n);
      pot = bestPot;
    }
    return c;
  }

  /** Index drawn with probability proportional to {@code w[i]} (uniform if all are 0). */
  private static int sample(double[] w, double total, SplittableRandom rnd) {
    if (!(total > 0)) {
      return rnd.nextInt(w.length);
    }
    double r = rnd.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i];
      if (acc > r) {
        return i;
      }
    }
    // rounding: the last point with positive weight
    for (int i = w.length - 1; i >= 0; i--) {
      if (w[i] > 0) {
        return i;
      }
    }
    return w.length - 1;
  }
}
