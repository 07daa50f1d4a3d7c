package org.habitatj.core.maps;

import org.habitatj.core.settings.RadiomicsSettings;

/**
 * PyRadiomics bin edges for the maps (fixed bin width: edges low + i·Δ from low = min − (min mod
 * w), Δ = (low + w) − low, as numpy.arange; fixed bin count: numpy.histogram edges with the last
 * edge + 1), level = numpy.digitize(x, edges). Used identically by the whole-ROI-once and the
 * per-window paths (case C07: a value on an edge goes to the same bin in both).
 *
 * <p>TODO(featcore): delegate to {@code core.features.Discretizer} once it has landed.
 */
final class Binning {

  private final double[] edges;

  private Binning(double[] edges) {
    this.edges = edges;
  }

  /** Edges fitted on the voxels with {@code region[i] != 0}. */
  static Binning fit(double[] values, byte[] region, RadiomicsSettings s) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (region[i] != 0) {
        double v = values[i];
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
    }
    return new Binning(edges(min, max, s));
  }

  static double[] edges(double min, double max, RadiomicsSettings s) {
    if (s.discretization() == RadiomicsSettings.Discretization.FIXED_BIN_COUNT) {
      int nb = s.binCount();
      double lo = min;
      double hi = max;
      if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
      }
      double[] e = new double[nb + 1];
      double step = (hi - lo) / nb;
      for (int i = 0; i <= nb; i++) {
        e[i] = lo + i * step;
      }
      e[nb] = hi + 1;
      return e;
    }
    double w = s.binWidth();
    double mod = min % w;
    if (mod != 0 && (mod < 0) != (w < 0)) {
      mod += w;
    }
    double low = min - mod;
    double high = max + 2 * w;
    double delta = (low + w) - low;
    long count = (long) Math.ceil((high - low) / w);
    if (count > s.greyLevelLimit() + 2L) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "binWidth %s on the intensity range [%s, %s] gives about %d grey levels (limit %d):"
                  + " use a larger bin width or a fixed bin count",
              w, min, max, count - 1, s.greyLevelLimit()));
    }
    if (count <= 1) {
      return new double[] {low - 0.5, low + 0.5};
    }
    double[] e = new double[(int) count];
    for (int i = 0; i < e.length; i++) {
      e[i] = low + i * delta;
    }
    return e;
  }

  /** numpy.digitize(x, edges): i such that edges[i-1] ≤ x &lt; edges[i]. */
  int level(double x) {
    return digitize(edges, edges.length, x);
  }

  static int digitize(double[] e, int len, double x) {
    int lo = 0;
    int hi = len;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (e[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Per-window binning with reusable edges (PER_WINDOW mode). */
  static final class Local {
    private final RadiomicsSettings s;

    Local(RadiomicsSettings s) {
      this.s = s;
    }

    /** Discretises {@code values[0..n)} into {@code out}; returns Ng = highest level. */
    int levels(double[] values, int n, int[] out) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = values[i];
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
      double[] e = edges(min, max, s);
      int ng = 0;
      for (int i = 0; i < n; i++) {
        int l = digitize(e, e.length, values[i]);
        out[i] = l;
        if (l > ng) {
          ng = l;
        }
      }
      return ng;
    }
  }
}
