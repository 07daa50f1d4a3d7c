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
    int n = image.length;
    if (n < 2) {
      throw new IllegalArgumentException("cannot normalise an image of " + n + " voxel(s)");
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
    double sigma = Math.sqrt(ss / (n - 1));
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          "cannot normalise a constant image (all voxels = " + image[0] + ")");
    }
    double inv = 1.0 / sigma;
    double[] out = new double[n];
    boolean clamp = !Double.isNaN(removeOutliers);
    for (int i = 0; i < n; i++) {
      double z = (image[i] - mean) * inv;
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
