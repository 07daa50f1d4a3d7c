package org.habitatj.core.maps;

import org.habitatj.core.features.BinEdges;
import org.habitatj.core.features.Discretizer;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Adapter from the maps to {@link Discretizer}: the same edge rule and level rule as the whole-ROI
 * path (case C07: a value on an edge goes to the same bin in both), fitted on a region of the crop
 * box (WHOLE_ROI_ONCE) or on one window's voxels (PER_WINDOW).
 */
final class Binning {

  private final BinEdges edges;

  private Binning(BinEdges edges) {
    this.edges = edges;
  }

  /** Edges fitted on the voxels with {@code region[i] != 0}. */
  static Binning fit(double[] values, byte[] region, RadiomicsSettings s) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (region[i] != 0) {
        double v = values[i];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("ROI contains a non-finite intensity (" + v + ")");
        }
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
    }
    return new Binning(Discretizer.edges(min, max, s));
  }

  BinEdges edges() {
    return edges;
  }

  int level(double x) {
    return edges.level(x);
  }

  /** Per-window binning (PER_WINDOW mode: each window is its own PyRadiomics run). */
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
      BinEdges e = Discretizer.edges(min, max, s);
      int ng = 0;
      for (int i = 0; i < n; i++) {
        int l = e.level(values[i]);
        out[i] = l;
        if (l > ng) {
          ng = l;
        }
      }
      return ng;
    }
  }
}
