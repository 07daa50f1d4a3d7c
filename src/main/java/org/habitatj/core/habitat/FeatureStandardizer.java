package org.habitatj.core.habitat;

import java.util.Locale;

/**
 * Per-feature standardisation across the voxels of one case, before K-means.
 *
 * <p>Data layout: column-major {@code columns[feature][voxel]}. Inputs are never modified; a new
 * array is returned. NaN or infinite values are rejected (K-means cannot use them) with an error
 * naming the feature and voxel.
 */
public final class FeatureStandardizer {

  /** Standardisation methods, selectable by name ({@link #byName(String)}). */
  public enum Method {
    /**
     * Min–max to [0, 1], computed as scikit-learn's {@code MinMaxScaler} (used by the ITHscore
     * package): {@code x·scale − min·scale} with {@code scale = 1/(max − min)}; a constant column
     * (range below 10 machine epsilons, as scikit-learn) gets scale 1 and so becomes 0.
     */
    MIN_MAX,
    /**
     * z-score {@code (x − mean)/sd} with the population standard deviation (divisor n, as
     * scikit-learn's {@code StandardScaler}); a constant column becomes 0.
     */
    Z_SCORE,
    /** No change. */
    NONE
  }

  private FeatureStandardizer() {}

  /**
   * Method by name, case-insensitive: "minmax", "min-max", "min_max"; "zscore", "z-score",
   * "z_score"; "none".
   *
   * @throws IllegalArgumentException for another name (the valid names are listed)
   */
  public static Method byName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "")
        .replace("_", "").replace(" ", "");
    switch (n) {
      case "minmax":
        return Method.MIN_MAX;
      case "zscore":
        return Method.Z_SCORE;
      case "none":
        return Method.NONE;
      default:
        throw new IllegalArgumentException("unknown standardisation '" + name
            + "'; use one of: minmax, zscore, none");
    }
  }

  /**
   * Standardises each column.
   *
   * @param columns {@code [feature][voxel]}
   * @param method the method
   * @param names feature names for error messages (may be {@code null})
   * @return a new {@code [feature][voxel]} array
   * @throws IllegalArgumentException on a non-finite value
   */
  public static double[][] standardize(double[][] columns, Method method, String[] names) {
    double[][] out = new double[columns.length][];
    for (int f = 0; f < columns.length; f++) {
      double[] c = columns[f];
      for (int v = 0; v < c.length; v++) {
        if (!Double.isFinite(c[v])) {
          throw new IllegalArgumentException("feature "
              + (names != null && f < names.length ? "'" + names[f] + "'" : "#" + f)
              + " has a non-finite value (" + c[v] + ") at voxel " + v
              + "; K-means needs finite values");
        }
      }
      out[f] = standardizeColumn(c, method);
    }
    return out;
  }

  /** One column; see {@link Method}. */
  static double[] standardizeColumn(double[] c, Method method) {
    int n = c.length;
    double[] o = new double[n];
    switch (method) {
      case MIN_MAX: {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : c) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        double range = max - min;
        // scikit-learn treats a range below 10 machine epsilons as constant (scale 1)
        double scale = 1.0 / (range < 10 * Math.ulp(1.0) ? 1.0 : range);
        double shift = 0.0 - min * scale;
        for (int i = 0; i < n; i++) {
          o[i] = c[i] * scale + shift;
        }
        return o;
      }
      case Z_SCORE: {
        double mean = 0;
        for (double x : c) {
          mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : c) {
          ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / n);
        for (int i = 0; i < n; i++) {
          o[i] = sd == 0 ? 0 : (c[i] - mean) / sd;
        }
        return o;
      }
      default:
        return c.clone();
    }
  }

  /**
   * The ITHscore package's scaling: {@code MinMaxScaler} on each feature-class block, the blocks
   * stacked side by side, then {@code MinMaxScaler} again on the whole matrix. Min–max acts per
   * column, so this is min–max applied twice to every column (the second pass only removes rounding
   * residue).
   */
  public static double[][] ithscoreScaling(double[][] columns, String[] names) {
    return standardize(standardize(columns, Method.MIN_MAX, names), Method.MIN_MAX, names);
  }

  /** Transposes {@code [a][b]} to {@code [b][a]} (e.g. columns to rows for clustering). */
  public static double[][] transpose(double[][] m) {
    if (m.length == 0) {
      return new double[0][0];
    }
    int b = m[0].length;
    double[][] t = new double[b][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < b; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
