package org.habitatj.core.image;

import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.Interpolator;

/**
 * Resampling of an image and its ROI mask to a new voxel spacing with PyRadiomics' {@code
 * imageoperations.resampleImage} semantics (ITK ResampleImageFilter underneath).
 *
 * <h2>Grid</h2>
 *
 * <ul>
 *   <li>A requested spacing of 0 keeps the original spacing on that axis; so does an axis along
 *       which the ROI spans a single voxel. If the spacing is unchanged (numpy.allclose) nothing
 *       is resampled.
 *   <li>r = old/new spacing. With the ROI bounding box (start b, size n) the new index bounds are
 *       lo = ⌊(b − ½)·r − padDistance⌋ clipped at 0 and hi = ⌈(b + n − ½)·r + padDistance⌉
 *       clipped at ⌈size·r⌉ − 1; the new grid has hi − lo + 1 voxels, the same direction, and its
 *       first voxel at continuous old index ½(new − old)/old + lo/r (voxel centres, so the new
 *       grid's corner coincides with the old grid's corner).
 * </ul>
 *
 * <h2>Interpolation</h2>
 *
 * <ul>
 *   <li>Image: cubic B-spline (ITK BSplineInterpolateImageFunction, order 3: coefficients by the
 *       recursive filter with pole √3 − 2 and mirror boundaries over the whole image), linear
 *       (ITK LinearInterpolateImageFunction, edge voxels repeated) or nearest neighbour. Points
 *       outside the image (continuous index outside [−½, size − ½]) get 0, ITK's default value.
 *   <li>Integer-typed images are written back as ITK casts to the input pixel type: clamped to the
 *       type's range and truncated toward zero.
 *   <li>Mask: nearest neighbour (index = ⌊c + ½⌋).
 * </ul>
 *
 * <p>Agreement with PyRadiomics' {@code _resampling} baselines is measured in the tests (not
 * bit-exact: continuous indices are computed in a different floating-point order than ITK).
 */
public final class Resampler {

  private Resampler() {}

  /** Resampled image, mask and grid. */
  public record Resampled(double[] image, Mask mask, Geometry geometry, List<String> warnings) {}

  /**
   * Resamples with the settings' spacing, interpolator and padDistance, for a floating-point
   * image (no cast back to integers).
   */
  public static Resampled resample(double[] image, Mask mask, RadiomicsSettings settings) {
    return resample(image, mask, settings, null);
  }

  /**
   * Resamples image and mask to {@code settings.resampledPixelSpacing()}.
   *
   * @param image intensities on the mask's grid, x fastest (not modified)
   * @param mask the ROI (non-empty)
   * @param settings resampledPixelSpacing (x, y, z mm; 0 = keep), interpolator, padDistance
   * @param integerRange {min, max} of the input pixel type when it is an integer type (values are
   *     then clamped and truncated like ITK casts them), or null for a floating-point image
   * @throws IllegalArgumentException if the mask is empty or a spacing is negative
   */
  public static Resampled resample(
      double[] image, Mask mask, RadiomicsSettings settings, double[] integerRange) {
    Geometry g = mask.geometry();
    double[] req = settings.resampledPixelSpacing();
    double[] old = g.spacing();
    int[] size = g.size();
    int[] bb = mask.boundingBox();
    if (bb == null) {
      throw new IllegalArgumentException("cannot resample: mask is empty");
    }
    List<String> warnings = new ArrayList<>();
    double[] sp = new double[3];
    boolean same = true;
    for (int d = 0; d < 3; d++) {
      if (req[d] < 0) {
        throw new IllegalArgumentException("resampledPixelSpacing[" + d + "] = " + req[d] + " < 0");
      }
      sp[d] = req[d] == 0 ? old[d] : req[d];
      if (bb[d + 3] == bb[d]) {
        sp[d] = old[d];
      }
      if (Math.abs(old[d] - sp[d]) > 1e-8 + 1e-5 * Math.abs(sp[d])) {
        same = false;
      }
    }
    if (same) {
      warnings.add("resampledPixelSpacing equals the image spacing; no resampling done");
      return new Resampled(image, mask, g, warnings);
    }
    int pad = settings.padDistance();
    double[] ratio = new double[3];
    int[] lo = new int[3];
    int[] newSize = new int[3];
    double[] startIdx = new double[3];
    for (int d = 0; d < 3; d++) {
      ratio[d] = old[d] / sp[d];
      int n = bb[d + 3] - bb[d] + 1;
      double l = Math.floor((bb[d] - 0.5) * ratio[d] - pad);
      double u = Math.ceil((bb[d] + n - 0.5) * ratio[d] + pad);
      double maxU = Math.ceil(size[d] * ratio[d]) - 1;
      l = Math.max(l, 0);
      u = Math.min(u, maxU);
      lo[d] = (int) l;
      newSize[d] = (int) (u - l + 1);
      double originIndex = 0.5 * (sp[d] - old[d]) / old[d];
      startIdx[d] = originIndex + l / ratio[d];
    }
    double[] newOrigin = g.indexToWorld(startIdx[0], startIdx[1], startIdx[2]);
    Geometry ng = new Geometry(newSize, sp, newOrigin, g.direction());
    // continuous old index of each new index along each axis (direction shared, so separable)
    double[][] ci = new double[3][];
    double[] dir = g.direction();
    double[] org = g.origin();
    for (int d = 0; d < 3; d++) {
      ci[d] = new double[newSize[d]];
      for (int i = 0; i < newSize[d]; i++) {
        ci[d][i] = continuousIndex(newOrigin, dir, org, sp, old, d, i);
      }
    }
    Interpolator interp = settings.interpolator();
    double[] coeff = interp == Interpolator.BSPLINE ? bsplineCoefficients(image, size) : null;
    int total = newSize[0] * newSize[1] * newSize[2];
    double[] out = new double[total];
    byte[] outMask = new byte[total];
    byte[] m = mask.data();
    int k = 0;
    double[] wz = new double[4];
    double[] wy = new double[4];
    double[] wx = new double[4];
    int[] iz = new int[4];
    int[] iy = new int[4];
    int[] ix = new int[4];
    for (int z = 0; z < newSize[2]; z++) {
      double cz = ci[2][z];
      for (int y = 0; y < newSize[1]; y++) {
        double cy = ci[1][y];
        for (int x = 0; x < newSize[0]; x++, k++) {
          double cx = ci[0][x];
          boolean inside = inside(cx, size[0]) && inside(cy, size[1]) && inside(cz, size[2]);
          if (!inside) {
            continue; // default value 0 for image and mask
          }
          int nx = clamp((int) Math.floor(cx + 0.5), size[0]);
          int ny = clamp((int) Math.floor(cy + 0.5), size[1]);
          int nz = clamp((int) Math.floor(cz + 0.5), size[2]);
          outMask[k] = m[nx + size[0] * (ny + size[1] * nz)];
          double v;
          switch (interp) {
            case NEAREST -> v = image[nx + size[0] * (ny + size[1] * nz)];
            case LINEAR -> v = linear(image, size, cx, cy, cz);
            default -> {
              weights(cx, size[0], wx, ix);
              weights(cy, size[1], wy, iy);
              weights(cz, size[2], wz, iz);
              double sum = 0;
              for (int c = 0; c < 4; c++) {
                double sy = 0;
                for (int b = 0; b < 4; b++) {
                  int row = size[0] * (iy[b] + size[1] * iz[c]);
                  double sx = 0;
                  for (int a = 0; a < 4; a++) {
                    sx += wx[a] * coeff[row + ix[a]];
                  }
                  sy += wy[b] * sx;
                }
                sum += wz[c] * sy;
              }
              v = sum;
            }
          }
          if (integerRange != null) {
            v = Math.max(integerRange[0], Math.min(integerRange[1], v));
            v = v < 0 ? Math.ceil(v) : Math.floor(v);
          }
          out[k] = v;
        }
      }
    }
    return new Resampled(out, new Mask(outMask, ng), ng, warnings);
  }

  private static double continuousIndex(
      double[] newOrigin, double[] dir, double[] org, double[] sp, double[] old, int axis, int i) {
    // physical point of new index i along 'axis' (others 0), projected back on the old axis
    double[] p = new double[3];
    for (int r = 0; r < 3; r++) {
      p[r] = newOrigin[r] + dir[3 * r + axis] * sp[axis] * i;
    }
    double proj = 0;
    for (int r = 0; r < 3; r++) {
      proj += dir[3 * r + axis] * (p[r] - org[r]);
    }
    return proj / old[axis];
  }

  private static boolean inside(double c, int n) {
    return c >= -0.5 && c < n - 0.5;
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }

  /** ITK LinearInterpolateImageFunction: trilinear with neighbours clamped to the image. */
  static double linear(double[] img, int[] s, double cx, double cy, double cz) {
    int x0 = (int) Math.floor(cx);
    int y0 = (int) Math.floor(cy);
    int z0 = (int) Math.floor(cz);
    double fx = cx - x0;
    double fy = cy - y0;
    double fz = cz - z0;
    double v = 0;
    for (int c = 0; c < 2; c++) {
      double w3 = c == 0 ? 1 - fz : fz;
      if (w3 == 0) {
        continue;
      }
      int z = clamp(z0 + c, s[2]);
      for (int b = 0; b < 2; b++) {
        double w2 = b == 0 ? 1 - fy : fy;
        if (w2 == 0) {
          continue;
        }
        int y = clamp(y0 + b, s[1]);
        for (int a = 0; a < 2; a++) {
          double w1 = a == 0 ? 1 - fx : fx;
          if (w1 == 0) {
            continue;
          }
          int x = clamp(x0 + a, s[0]);
          v += w1 * w2 * w3 * img[x + s[0] * (y + s[1] * z)];
        }
      }
    }
    return v;
  }

  /** Cubic B-spline weights and mirrored support indices (ITK conventions). */
  static void weights(double c, int n, double[] w, int[] idx) {
    int start = (int) Math.floor((float) c) - 1;
    double t = c - (start + 1);
    w[3] = (1.0 / 6.0) * t * t * t;
    w[0] = (1.0 / 6.0) + 0.5 * t * (t - 1.0) - w[3];
    w[2] = t + w[0] - 2.0 * w[3];
    w[1] = 1.0 - w[0] - w[2] - w[3];
    for (int k = 0; k < 4; k++) {
      int i = start + k;
      if (n == 1) {
        i = 0;
      } else {
        if (i < 0) {
          i = -i;
        }
        if (i >= n) {
          i = (n - 1) - (i - (n - 1));
        }
        i = clamp(i, n);
      }
      idx[k] = i;
    }
  }

  /**
   * Cubic B-spline coefficients of the whole image (ITK BSplineDecompositionImageFilter, order 3,
   * tolerance 1e−10), separably along x, y, z.
   */
  static double[] bsplineCoefficients(double[] img, int[] s) {
    double[] c = img.clone();
    double z = Math.sqrt(3.0) - 2.0;
    int maxLen = Math.max(s[0], Math.max(s[1], s[2]));
    double[] line = new double[maxLen];
    for (int axis = 0; axis < 3; axis++) {
      int len = s[axis];
      if (len == 1) {
        continue;
      }
      int stride = axis == 0 ? 1 : axis == 1 ? s[0] : s[0] * s[1];
      int[] other = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
      int strideA = other[0] == 0 ? 1 : other[0] == 1 ? s[0] : s[0] * s[1];
      int strideB = other[1] == 0 ? 1 : other[1] == 1 ? s[0] : s[0] * s[1];
      for (int b = 0; b < s[other[1]]; b++) {
        for (int a = 0; a < s[other[0]]; a++) {
          int base = a * strideA + b * strideB;
          for (int i = 0; i < len; i++) {
            line[i] = c[base + i * stride];
          }
          decompose(line, len, z);
          for (int i = 0; i < len; i++) {
            c[base + i * stride] = line[i];
          }
        }
      }
    }
    return c;
  }

  private static void decompose(double[] x, int len, double z) {
    double gain = (1.0 - z) * (1.0 - 1.0 / z);
    for (int n = 0; n < len; n++) {
      x[n] *= gain;
    }
    // initial causal coefficient (mirror boundary)
    int horizon = (int) Math.ceil(Math.log(1e-10) / Math.log(Math.abs(z)));
    double zn = z;
    if (horizon < len) {
      double sum = x[0];
      for (int n = 1; n < horizon; n++) {
        sum += zn * x[n];
        zn *= z;
      }
      x[0] = sum;
    } else {
      double iz = 1.0 / z;
      double z2n = Math.pow(z, len - 1);
      double sum = x[0] + z2n * x[len - 1];
      z2n *= z2n * iz;
      for (int n = 1; n <= len - 2; n++) {
        sum += (zn + z2n) * x[n];
        zn *= z;
        z2n *= iz;
      }
      x[0] = sum / (1.0 - zn * zn);
    }
    for (int n = 1; n < len; n++) {
      x[n] += z * x[n - 1];
    }
    x[len - 1] = (z / (z * z - 1.0)) * (z * x[len - 2] + x[len - 1]);
    for (int n = len - 2; n >= 0; n--) {
      x[n] = z * (x[n + 1] - x[n]);
    }
  }
}
