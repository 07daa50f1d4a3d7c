package org.habitatj.core.image;

import java.util.Arrays;
import org.habitatj.core.settings.RadiomicsSettings.ResegmentMode;

/**
 * Intensity pre-processing before feature extraction, with PyRadiomics semantics
 * ({@code imageoperations.normalizeImage} and {@code resegmentMask}). Inputs are never modified.
 */
public final class Preprocessing {

  private Preprocessing() {}

  /**
   * PyRadiomics {@code normalizeImage}: z-score over the <b>whole image</b> (not the ROI), with the
   * sample standard deviation (N − 1, ITK {@code NormalizeImageFilter}), optionally clamped at ±
   * {@code removeOutliers} standard deviations, then multiplied by {@code scale}: x' = clamp((x −
   * mean)/σ) · scale.
   *
   * @param image intensities, x fastest (not modified)
   * @param scale PyRadiomics normalizeScale
   * @param removeOutliers clamp limit in σ, or NaN for none (PyRadiomics removeOutliers)
   * @return a new array
   * @throws IllegalArgumentException if the image is constant (σ = 0) or has fewer than 2 voxels
   */
  public static double[] normalize(double[] image, double scale, double removeOutliers) {
    double[] st = statistics(image);
    return normalize(image, st[0], st[1], scale, removeOutliers);
  }

  /**
   * Applies a z-score with given whole-image statistics: x' = clamp((x − mean)/σ) · scale.
   *
   * @param values intensities (not modified)
   * @param mean whole-image mean
   * @param sigma whole-image sample standard deviation (&gt; 0)
   * @param scale normalizeScale
   * @param removeOutliers clamp limit in σ, or NaN for none
   * @return a new array
   */
  public static double[] normalize(
      double[] values, double mean, double sigma, double scale, double removeOutliers) {
    double inv = 1.0 / sigma;
    double[] out = new double[values.length];
    boolean clamp = !Double.isNaN(removeOutliers);
    for (int i = 0; i < values.length; i++) {
      double z = (values[i] - mean) * inv;
      if (clamp) {
        if (z > removeOutliers) {
          z = removeOutliers;
        } else if (z < -removeOutliers) {
          z = -removeOutliers;
        }
      }
      out[i] = z * scale;
    }
    return out;
  }

  /**
   * Whole-image statistics for {@link #normalize}: {mean, sample σ (N − 1), min, max}, with
   * compensated sums.
   *
   * @throws IllegalArgumentException if there are fewer than 2 voxels or σ = 0
   */
  public static double[] statistics(double[] image) {
    int n = image.length;
    if (n < 2) {
      throw new IllegalArgumentException("cannot normalise an image of " + n + " voxel(s)");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : image) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double mean = kahanSum(image) / n;
    double ss = 0;
    double comp = 0;
    for (double v : image) {
      double d = v - mean;
      double y = d * d - comp;
      double t = ss + y;
      comp = (t - ss) - y;
      ss = t;
    }
    return finish(mean, ss, n, min, max, image.length > 0 ? image[0] : Double.NaN);
  }

  /**
   * As {@link #statistics(double[])} streaming over a volume's view (no copy of the image).
   */
  public static double[] statistics(Volume v) {
    long n = v.geometry().voxelCount();
    if (n < 2) {
      throw new IllegalArgumentException("cannot normalise an image of " + n + " voxel(s)");
    }
    double s = 0;
    double c = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double first = Double.NaN;
    net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> cur =
        net.imglib2.view.Views.flatIterable(v.values()).cursor();
    while (cur.hasNext()) {
      double x = cur.next().getRealDouble();
      if (Double.isNaN(first)) {
        first = x;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
      double y = x - c;
      double t = s + y;
      c = (t - s) - y;
      s = t;
    }
    double mean = s / n;
    double ss = 0;
    double comp = 0;
    cur = net.imglib2.view.Views.flatIterable(v.values()).cursor();
    while (cur.hasNext()) {
      double d = cur.next().getRealDouble() - mean;
      double y = d * d - comp;
      double t = ss + y;
      comp = (t - ss) - y;
      ss = t;
    }
    return finish(mean, ss, n, min, max, first);
  }

  private static double[] finish(double mean, double ss, long n, double min, double max, double first) {
    double sigma = Math.sqrt(ss / (n - 1));
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          Double.isNaN(sigma) ? "cannot normalise an image containing NaN or infinite values"
              : "cannot normalise a constant image (all voxels = " + first + ")");
    }
    return new double[] {mean, sigma, min, max};
  }

  private static double kahanSum(double[] a) {
    double s = 0;
    double c = 0;
    for (double v : a) {
      double y = v - c;
      double t = s + y;
      c = (t - s) - y;
      s = t;
    }
    return s;
  }

  /**
   * PyRadiomics {@code resegmentMask}: keeps the ROI voxels whose intensity lies in the range
   * [lower, upper] (inclusive; one value = lower bound only). Modes: ABSOLUTE (range in intensity
   * units), RELATIVE (fractions of the ROI maximum), SIGMA (mean + k·σ of the ROI, σ the population
   * standard deviation, numpy.std; [−3, 3] is IBSI's outlier filtering).
   *
   * @param image intensities on the mask's grid, x fastest
   * @param mask the ROI (not modified)
   * @param range 1 or 2 values (sorted ascending before use)
   * @param mode how to read the range
   * @return a new mask (may be empty; callers check)
   * @throws IllegalArgumentException if the range has 0 or more than 2 values
   */
  public static Mask resegment(double[] image, Mask mask, double[] range, ResegmentMode mode) {
    if (range == null || range.length < 1 || range.length > 2) {
      throw new IllegalArgumentException(
          "resegmentRange needs 1 or 2 values, got " + (range == null ? "none" : Arrays.toString(range)));
    }
    double[] th = range.clone();
    Arrays.sort(th);
    byte[] m = mask.data();
    if (mode != ResegmentMode.ABSOLUTE) {
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      int n = 0;
      for (int i = 0; i < m.length; i++) {
        if (m[i] != 0) {
          max = Math.max(max, image[i]);
          sum += image[i];
          n++;
        }
      }
      if (n == 0) {
        return mask;
      }
      if (mode == ResegmentMode.RELATIVE) {
        for (int k = 0; k < th.length; k++) {
          th[k] = max * th[k];
        }
      } else {
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < m.length; i++) {
          if (m[i] != 0) {
            double d = image[i] - mean;
            ss += d * d;
          }
        }
        double sd = Math.sqrt(ss / n);
        for (int k = 0; k < th.length; k++) {
          th[k] = mean + sd * th[k];
        }
      }
    }
    byte[] out = new byte[m.length];
    for (int i = 0; i < m.length; i++) {
      if (m[i] != 0) {
        double v = image[i];
        if (v >= th[0] && (th.length == 1 || v <= th[1])) {
          out[i] = 1;
        }
      }
    }
    return new Mask(out, mask.geometry());
  }
}
