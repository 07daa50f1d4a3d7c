package org.habitatj.core.image;

import java.util.Arrays;

/**
 * Exact squared Euclidean distance transform in millimetres on anisotropic grids.
 *
 * <p>Separable algorithm of Saito &amp; Toriwaki (1994) / Felzenszwalb &amp; Huttenlocher ("Distance
 * transforms of sampled functions", Theory of Computing 8, 2012): one pass per axis, each computing
 * the lower envelope of the parabolas {@code f(q) + (s·(p − q))²} where s is the voxel spacing (mm)
 * along that axis. The result is the exact squared distance between voxel centres, not a chamfer or
 * structuring-element approximation (case C21). Distances are taken inside the grid only: nothing
 * wraps around the image border.
 */
public final class DistanceTransform {

  private DistanceTransform() {}

  /**
   * Squared distance (mm²) from each voxel centre to the nearest feature voxel centre.
   *
   * @param feature non-zero = feature voxel; x fastest, length nx·ny·nz
   * @param nx size along x (voxels)
   * @param ny size along y
   * @param nz size along z
   * @param spacing voxel size in mm along x, y, z
   * @param threeD {@code true}: distances in 3D; {@code false}: each z slice on its own (2D), so a
   *     slice without feature voxels is +∞ everywhere
   * @return squared distances in mm², {@code Double.POSITIVE_INFINITY} where no feature voxel is
   *     reachable (no feature voxel in the volume, or in the slice in 2D mode)
   * @throws IllegalArgumentException if the array length does not match the size
   */
  public static double[] squaredMm(byte[] feature, int nx, int ny, int nz, double[] spacing,
      boolean threeD) {
    if (feature.length != (long) nx * ny * nz) {
      throw new IllegalArgumentException("feature image has " + feature.length
          + " voxels but the size is " + nx + "×" + ny + "×" + nz);
    }
    double[] f = new double[feature.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = feature[i] != 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    int maxN = Math.max(nx, Math.max(ny, nz));
    double[] line = new double[maxN];
    double[] out = new double[maxN];
    int[] v = new int[maxN];
    double[] z = new double[maxN + 1];
    int nxy = nx * ny;
    // x pass
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        int base = j * nx + k * nxy;
        System.arraycopy(f, base, line, 0, nx);
        transform1d(line, nx, spacing[0], out, v, z);
        System.arraycopy(out, 0, f, base, nx);
      }
    }
    // y pass
    if (ny > 1) {
      for (int k = 0; k < nz; k++) {
        for (int i = 0; i < nx; i++) {
          int base = i + k * nxy;
          for (int j = 0; j < ny; j++) {
            line[j] = f[base + j * nx];
          }
          transform1d(line, ny, spacing[1], out, v, z);
          for (int j = 0; j < ny; j++) {
            f[base + j * nx] = out[j];
          }
        }
      }
    }
    // z pass
    if (threeD && nz > 1) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          int base = i + j * nx;
          for (int k = 0; k < nz; k++) {
            line[k] = f[base + k * nxy];
          }
          transform1d(line, nz, spacing[2], out, v, z);
          for (int k = 0; k < nz; k++) {
            f[base + k * nxy] = out[k];
          }
        }
      }
    }
    return f;
  }

  /**
   * 1D lower envelope of parabolas (Felzenszwalb–Huttenlocher); sites with +∞ are skipped so that
   * no ∞ − ∞ arises.
   */
  private static void transform1d(double[] f, int n, double w, double[] out, int[] v, double[] z) {
    double w2 = w * w;
    int k = -1;
    for (int q = 0; q < n; q++) {
      double fq = f[q];
      if (fq == Double.POSITIVE_INFINITY) {
        continue;
      }
      if (k < 0) {
        k = 0;
        v[0] = q;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        continue;
      }
      double s;
      while (true) {
        int p = v[k];
        s = ((fq + w2 * q * q) - (f[p] + w2 * (double) p * p)) / (2 * w2 * (q - p));
        if (s <= z[k]) {
          k--; // z[0] = -inf, so k never drops below 0 here
        } else {
          break;
        }
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    if (k < 0) {
      Arrays.fill(out, 0, n, Double.POSITIVE_INFINITY);
      return;
    }
    int j = 0;
    for (int q = 0; q < n; q++) {
      while (z[j + 1] < q) {
        j++;
      }
      double d = w * (q - v[j]);
      out[q] = d * d + f[v[j]];
    }
  }
}
