package org.habitatj.core.image;

/**
 * A body (foreground) mask by Otsu thresholding, used to keep the peritumoral ring out of the air
 * around the patient.
 *
 * <p>Steps: (1) Otsu's threshold (Otsu 1979, maximum between-class variance) on a 256-bin histogram
 * of the calibrated intensities between their minimum and maximum (NaN voxels ignored); (2) body =
 * voxels above the threshold, which is the upper edge of the last bin of the lower (dark) class;
 * (3) holes are filled slice by slice: background pixels not
 * 4-connected to the slice border become body (air in bowel or lungs inside the body is kept).
 */
public final class BodyMask {

  /** Number of histogram bins used for Otsu's threshold. */
  public static final int BINS = 256;

  private BodyMask() {}

  /**
   * Otsu threshold of the values, in intensity units: the upper edge of the last bin of the
   * lower class. Values &gt; threshold are foreground.
   *
   * @param values intensities (NaN ignored)
   * @return the threshold; for constant images the constant (nothing is above it)
   * @throws IllegalArgumentException if there is no finite value
   */
  public static double otsuThreshold(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("image has no finite intensity: cannot threshold");
    }
    if (min == max) {
      return max;
    }
    long[] h = new long[BINS];
    double scale = BINS / (max - min);
    long n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        h[bin(v, min, scale)]++;
        n++;
      }
    }
    double sumAll = 0;
    for (int i = 0; i < BINS; i++) {
      sumAll += (double) i * h[i];
    }
    double sumB = 0;
    long wB = 0;
    double best = -1;
    int bestT = 0;
    for (int t = 0; t < BINS - 1; t++) {
      wB += h[t];
      sumB += (double) t * h[t];
      long wF = n - wB;
      if (wB == 0 || wF == 0) {
        continue;
      }
      double mB = sumB / wB;
      double mF = (sumAll - sumB) / wF;
      double between = (double) wB * wF * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        bestT = t;
      }
    }
    return min + (bestT + 1) / scale;
  }

  private static int bin(double v, double min, double scale) {
    return Math.min(BINS - 1, (int) ((v - min) * scale));
  }

  /**
   * The body mask of a volume (Otsu threshold, then per-slice hole filling).
   *
   * @param volume calibrated intensities with geometry
   * @return a mask on the volume's geometry
   * @throws IllegalArgumentException if the volume has no finite value
   */
  public static Mask otsu(Volume volume) {
    double[] v = volume.toDoubleArray();
    double t = otsuThreshold(v);
    return fromThreshold(v, t, volume.geometry());
  }

  /**
   * Voxels above {@code threshold}, holes filled slice by slice.
   *
   * @param values intensities, x fastest
   * @param threshold voxels with value &gt; threshold are body
   * @param g grid of the values
   */
  public static Mask fromThreshold(double[] values, double threshold, Geometry g) {
    byte[] m = new byte[values.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) (values[i] > threshold ? 1 : 0);
    }
    fillHolesPerSlice(m, g.size(0), g.size(1), g.size(2));
    return new Mask(m, g);
  }

  /** Background pixels not 4-connected to the slice border become 1, slice by slice. */
  static void fillHolesPerSlice(byte[] m, int nx, int ny, int nz) {
    int nxy = nx * ny;
    byte[] outside = new byte[nxy];
    int[] queue = new int[nxy];
    for (int z = 0; z < nz; z++) {
      int base = z * nxy;
      java.util.Arrays.fill(outside, (byte) 0);
      int head = 0;
      int tail = 0;
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          if ((x == 0 || y == 0 || x == nx - 1 || y == ny - 1) && m[base + y * nx + x] == 0) {
            outside[y * nx + x] = 1;
            queue[tail++] = y * nx + x;
          }
        }
      }
      while (head < tail) {
        int p = queue[head++];
        int x = p % nx;
        int y = p / nx;
        int[] nb = {x > 0 ? p - 1 : -1, x < nx - 1 ? p + 1 : -1, y > 0 ? p - nx : -1,
            y < ny - 1 ? p + nx : -1};
        for (int q : nb) {
          if (q >= 0 && outside[q] == 0 && m[base + q] == 0) {
            outside[q] = 1;
            queue[tail++] = q;
          }
        }
      }
      for (int p = 0; p < nxy; p++) {
        if (outside[p] == 0) {
          m[base + p] = 1;
        }
      }
    }
  }
}
