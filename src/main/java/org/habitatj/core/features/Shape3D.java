package org.habitatj.core.features;

import java.util.List;
import org.habitatj.core.image.Mask;

/**
 * 3D shape features (PyRadiomics {@code shape} class, IBSI-1 section 3.1 morphology), computed from
 * the ROI mask only.
 *
 * <h2>Mesh (as PyRadiomics' C extension)</h2>
 *
 * The mask is cropped to its bounding box and padded with one layer of background. Marching cubes
 * runs over every cube of 2×2×2 voxel centres with the Lorensen case table ({@link
 * MarchingTables}); since the mask is binary every vertex lies at an edge midpoint. Cube indices
 * ≥ 128 are complemented (same triangles) and their volume contribution is negated. Coordinates
 * are (z, y, x) voxel indices times spacing, in mm.
 *
 * <ul>
 *   <li>Surface area A = Σ ½ |(a − c) × (b − c)| over the triangles.
 *   <li>Mesh volume V = (1/6) Σ ± a · (b × c) (signed tetrahedra with the origin, i.e. the
 *       divergence theorem).
 *   <li>Diameters: largest distance between mesh vertices (every edge midpoint whose two voxels
 *       differ), overall (3D), and between vertices with equal z (Slice), equal y (Column), equal
 *       x (Row).
 * </ul>
 *
 * <h2>Axes (PCA)</h2>
 *
 * λ_major ≥ λ_minor ≥ λ_least are the eigenvalues of the covariance (1/N_v) Σ (p − p̄)(p − p̄)ᵀ of
 * the voxel centre positions p in mm; eigenvalues in (−1e−10, 0) are set to 0 (PyRadiomics).
 *
 * <p>Tolerance versus PyRadiomics: the mesh is the same mesh, triangle for triangle; sums differ
 * only by floating-point summation order (observed relative differences ≲ 1e−12).
 */
public final class Shape3D {

  /** The features in PyRadiomics output order. */
  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("Elongation", "Q3CK"),
          f("Flatness", "N17B"),
          f("LeastAxisLength", "7J51"),
          f("MajorAxisLength", "TDIC"),
          f("Maximum2DDiameterColumn", ""),
          f("Maximum2DDiameterRow", ""),
          f("Maximum2DDiameterSlice", ""),
          f("Maximum3DDiameter", "L0JK"),
          f("MeshVolume", "RNU0"),
          f("MinorAxisLength", "P9VJ"),
          f("Sphericity", "QCFX"),
          f("SurfaceArea", "C0JK"),
          f("SurfaceVolumeRatio", "2PR5"),
          f("VoxelVolume", "YEKZ"));

  /**
   * Deprecated PyRadiomics shape features, output only when named explicitly: Compactness1 = V /
   * (√π A^{3/2}) (IBSI SKGS), Compactness2 = 36πV²/A³ (IBSI BQWJ), SphericalDisproportion = A /
   * (36πV²)^{1/3} (IBSI KRCK).
   */
  public static final List<FeatureInfo> ON_REQUEST =
      List.of(f("Compactness1", "SKGS"), f("Compactness2", "BQWJ"),
          f("SphericalDisproportion", "KRCK"));

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("shape", name, code);
  }

  /** Values of {@link #ON_REQUEST}, in that order. */
  public double[] onRequestValues() {
    double v = meshVolume;
    double a = surfaceArea;
    return new double[] {
      v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)),
      36 * Math.PI * v * v / (a * a * a),
      a / Math.cbrt(36 * Math.PI * v * v)
    };
  }

  private final double meshVolume;
  private final double surfaceArea;
  private final double[] diameters; // slice (z), column (y), row (x), 3D
  private final double voxelVolume;
  private final double[] eigen; // ascending
  private final int count;

  /**
   * Normalisation of the voxel-position covariance behind the axis lengths: PyRadiomics divides by
   * N (population), IBSI-1 by N − 1 (sample; the digital phantom's 9.31 / 8.54 mm minor / least
   * axes need it). Elongation and flatness are ratios and do not depend on it.
   */
  public enum Covariance {
    /** 1/N, PyRadiomics (default). */
    POPULATION_PYRADIOMICS,
    /** 1/(N − 1), IBSI-1. */
    SAMPLE_IBSI
  }

  private Shape3D(double meshVolume, double surfaceArea, double[] diameters, double voxelVolume,
      double[] eigen, int count) {
    this.count = count;
    this.meshVolume = meshVolume;
    this.surfaceArea = surfaceArea;
    this.diameters = diameters;
    this.voxelVolume = voxelVolume;
    this.eigen = eigen;
  }

  /**
   * Builds the mesh and the PCA of a mask.
   *
   * @param mask non-empty ROI; its geometry's spacing (x, y, z) in mm is used
   * @throws IllegalArgumentException if the mask is empty
   */
  public static Shape3D of(Mask mask) {
    int[] bb = mask.boundingBox();
    if (bb == null) {
      throw new IllegalArgumentException("mask is empty");
    }
    int[] gs = mask.geometry().size();
    double[] sp = mask.geometry().spacing();
    byte[] m = mask.data();
    // Padded box in (z, y, x) order, x fastest.
    int nx = bb[3] - bb[0] + 3;
    int ny = bb[4] - bb[1] + 3;
    int nz = bb[5] - bb[2] + 3;
    byte[] p = new byte[nx * ny * nz];
    int count = 0;
    double sx = 0;
    double sy = 0;
    double sz = 0;
    for (int z = bb[2]; z <= bb[5]; z++) {
      for (int y = bb[1]; y <= bb[4]; y++) {
        int src = gs[0] * (y + gs[1] * z);
        int dst = nx * ((y - bb[1] + 1) + ny * (z - bb[2] + 1)) + 1 - bb[0];
        for (int x = bb[0]; x <= bb[3]; x++) {
          if (m[src + x] != 0) {
            p[dst + x] = 1;
            count++;
          }
        }
      }
    }
    double[] spZyx = {sp[2], sp[1], sp[0]};
    double[] mesh = mesh(p, nx, ny, nz, spZyx);
    double[] diam = diameters(p, nx, ny, nz, spZyx);
    double[] eig = pcaEigenvalues(p, nx, ny, nz, spZyx, count);
    return new Shape3D(mesh[1], mesh[0], diam, count * sp[0] * sp[1] * sp[2], eig, count);
  }

  /** {surface area, volume} of the marching-cubes mesh of a padded (z, y, x) box. */
  static double[] mesh(byte[] p, int nx, int ny, int nz, double[] s) {
    int sxy = nx * ny;
    int[] cornerOffset = new int[8];
    for (int c = 0; c < 8; c++) {
      int[] o = MarchingTables.CORNERS[c];
      cornerOffset[c] = o[0] * sxy + o[1] * nx + o[2];
    }
    double area = 0;
    double vol = 0;
    double[] a = new double[3];
    double[] b = new double[3];
    double[] c = new double[3];
    for (int iz = 0; iz < nz - 1; iz++) {
      for (int iy = 0; iy < ny - 1; iy++) {
        int base = iz * sxy + iy * nx;
        for (int ix = 0; ix < nx - 1; ix++) {
          int i0 = base + ix;
          int idx = 0;
          for (int k = 0; k < 8; k++) {
            if (p[i0 + cornerOffset[k]] != 0) {
              idx |= 1 << k;
            }
          }
          int sign = 1;
          if ((idx & 0x80) != 0) {
            idx ^= 0xff;
            sign = -1;
          }
          if (idx == 0) {
            continue;
          }
          int[] tri = MarchingTables.TRIANGLES[idx];
          for (int t = 0; t < tri.length; t += 3) {
            point(tri[t], iz, iy, ix, s, a);
            point(tri[t + 1], iz, iy, ix, s, b);
            point(tri[t + 2], iz, iy, ix, s, c);
            // signed volume of the tetrahedron (origin, a, b, c) × 6
            double cx = a[1] * b[2] - b[1] * a[2];
            double cy = a[2] * b[0] - b[2] * a[0];
            double cz = a[0] * b[1] - b[0] * a[1];
            vol += sign * (cx * c[0] + cy * c[1] + cz * c[2]);
            for (int d = 0; d < 3; d++) {
              a[d] -= c[d];
              b[d] -= c[d];
            }
            cx = a[1] * b[2] - b[1] * a[2];
            cy = a[2] * b[0] - b[2] * a[0];
            cz = a[0] * b[1] - b[0] * a[1];
            area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
          }
        }
      }
    }
    return new double[] {area, vol / 6};
  }

  private static void point(int edge, int iz, int iy, int ix, double[] s, double[] out) {
    double[] e = MarchingTables.EDGE_POINTS[edge];
    out[0] = (iz + e[0]) * s[0];
    out[1] = (iy + e[1]) * s[1];
    out[2] = (ix + e[2]) * s[2];
  }

  /**
   * Maximum distances between mesh vertices (edge midpoints between differing voxels): {slice
   * (equal z), column (equal y), row (equal x), 3D}, in mm.
   *
   * <p>Same values as PyRadiomics' all-pairs search, found faster: a diameter is attained between
   * convex-hull vertices, and every vertex of a 3D (or planar) hull is a vertex of the 2D hull of
   * its own plane, so only per-plane hull vertices (exact integer orientation tests on
   * half-voxel coordinates) are compared. Distances are computed from the same mm coordinates
   * ((index + 0.5)·spacing) as PyRadiomics.
   */
  static double[] diameters(byte[] p, int nx, int ny, int nz, double[] s) {
    int sxy = nx * ny;
    // vertices in half-voxel integer units (2·index + 1 on the edge axis), (z, y, x)
    int[] c = new int[3 * 1024];
    int n = 0;
    for (int iz = 0; iz < nz; iz++) {
      for (int iy = 0; iy < ny; iy++) {
        for (int ix = 0; ix < nx; ix++) {
          int i = iz * sxy + iy * nx + ix;
          byte v = p[i];
          for (int d = 0; d < 3; d++) {
            int j;
            if (d == 0) {
              if (iz + 1 >= nz) {
                continue;
              }
              j = i + sxy;
            } else if (d == 1) {
              if (iy + 1 >= ny) {
                continue;
              }
              j = i + nx;
            } else {
              if (ix + 1 >= nx) {
                continue;
              }
              j = i + 1;
            }
            if (p[j] != v) {
              if (3 * n == c.length) {
                c = java.util.Arrays.copyOf(c, 2 * c.length);
              }
              c[3 * n] = 2 * iz + (d == 0 ? 1 : 0);
              c[3 * n + 1] = 2 * iy + (d == 1 ? 1 : 0);
              c[3 * n + 2] = 2 * ix + (d == 2 ? 1 : 0);
              n++;
            }
          }
        }
      }
    }
    double[] mm = new double[3 * n];
    for (int k = 0; k < 3 * n; k++) {
      mm[k] = (c[k] / 2.0) * s[k % 3];
    }
    double[] result = new double[4];
    boolean[] candidate = new boolean[n];
    for (int axis = 0; axis < 3; axis++) {
      int ua = axis == 0 ? 1 : 0;
      int va = axis == 2 ? 1 : 2;
      int[] order = sortedByPlane(c, n, axis, ua, va);
      double best = 0;
      int start = 0;
      int[] hull = new int[n + 1];
      while (start < n) {
        int end = start;
        int plane = c[3 * order[start] + axis];
        while (end < n && c[3 * order[end] + axis] == plane) {
          end++;
        }
        int h = hull2d(order, start, end, c, ua, va, hull);
        for (int i = 0; i < h; i++) {
          int a = hull[i];
          if (axis == 0) {
            candidate[a] = true;
          }
          for (int j = 0; j < i; j++) {
            double dist = dist2(mm, a, hull[j]);
            if (dist > best) {
              best = dist;
            }
          }
        }
        start = end;
      }
      result[axis] = best;
    }
    int m = 0;
    int[] cand = new int[n];
    for (int k = 0; k < n; k++) {
      if (candidate[k]) {
        cand[m++] = k;
      }
    }
    double best = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < i; j++) {
        double dist = dist2(mm, cand[i], cand[j]);
        if (dist > best) {
          best = dist;
        }
      }
    }
    result[3] = best;
    for (int k = 0; k < 4; k++) {
      result[k] = Math.sqrt(result[k]);
    }
    return result;
  }

  /** Vertex indices sorted by (plane coordinate, u, v). */
  private static int[] sortedByPlane(int[] c, int n, int axis, int ua, int va) {
    int max = 0;
    for (int k = 0; k < 3 * n; k++) {
      max = Math.max(max, c[k]);
    }
    int[] order = new int[n];
    if (max < (1 << 14) && n < (1 << 22)) {
      long[] key = new long[n];
      for (int k = 0; k < n; k++) {
        key[k] = ((long) c[3 * k + axis] << 50) | ((long) c[3 * k + ua] << 36)
            | ((long) c[3 * k + va] << 22) | k;
      }
      java.util.Arrays.sort(key);
      for (int k = 0; k < n; k++) {
        order[k] = (int) (key[k] & ((1 << 22) - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[n];
    for (int k = 0; k < n; k++) {
      boxed[k] = k;
    }
    java.util.Arrays.sort(boxed, (x, y) -> {
      int r = Integer.compare(c[3 * x + axis], c[3 * y + axis]);
      if (r != 0) {
        return r;
      }
      r = Integer.compare(c[3 * x + ua], c[3 * y + ua]);
      return r != 0 ? r : Integer.compare(c[3 * x + va], c[3 * y + va]);
    });
    for (int k = 0; k < n; k++) {
      order[k] = boxed[k];
    }
    return order;
  }

  private static double dist2(double[] mm, int a, int b) {
    double dz = mm[3 * a] - mm[3 * b];
    double dy = mm[3 * a + 1] - mm[3 * b + 1];
    double dx = mm[3 * a + 2] - mm[3 * b + 2];
    return dz * dz + dy * dy + dx * dx;
  }

  /**
   * Andrew's monotone chain over points order[from..to) (sorted by (u, v)); writes the hull
   * vertex indices (collinear points dropped; all points when fewer than 3) to {@code out}.
   *
   * @return number of hull vertices
   */
  private static int hull2d(int[] order, int from, int to, int[] c, int ua, int va, int[] out) {
    int cnt = to - from;
    if (cnt <= 2) {
      for (int i = 0; i < cnt; i++) {
        out[i] = order[from + i];
      }
      return cnt;
    }
    int k = 0;
    for (int i = from; i < to; i++) {
      int pnt = order[i];
      while (k >= 2 && cross(c, out[k - 2], out[k - 1], pnt, ua, va) <= 0) {
        k--;
      }
      out[k++] = pnt;
    }
    int lower = k + 1;
    for (int i = to - 2; i >= from; i--) {
      int pnt = order[i];
      while (k >= lower && cross(c, out[k - 2], out[k - 1], pnt, ua, va) <= 0) {
        k--;
      }
      out[k++] = pnt;
    }
    return k - 1;
  }

  private static long cross(int[] c, int o, int a, int b, int ua, int va) {
    long ax = c[3 * a + ua] - c[3 * o + ua];
    long ay = c[3 * a + va] - c[3 * o + va];
    long bx = c[3 * b + ua] - c[3 * o + ua];
    long by = c[3 * b + va] - c[3 * o + va];
    return ax * by - ay * bx;
  }

  /** Ascending eigenvalues of the covariance of voxel positions (mm), (1/N) normalisation. */
  static double[] pcaEigenvalues(byte[] p, int nx, int ny, int nz, double[] s, int count) {
    double mz = 0;
    double my = 0;
    double mx = 0;
    int i = 0;
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++, i++) {
          if (p[i] != 0) {
            mz += z * s[0];
            my += y * s[1];
            mx += x * s[2];
          }
        }
      }
    }
    mz /= count;
    my /= count;
    mx /= count;
    double[] c = new double[9];
    double norm = Math.sqrt(count);
    i = 0;
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++, i++) {
          if (p[i] != 0) {
            double a = (z * s[0] - mz) / norm;
            double b = (y * s[1] - my) / norm;
            double d = (x * s[2] - mx) / norm;
            c[0] += a * a;
            c[1] += a * b;
            c[2] += a * d;
            c[4] += b * b;
            c[5] += b * d;
            c[8] += d * d;
          }
        }
      }
    }
    c[3] = c[1];
    c[6] = c[2];
    c[7] = c[5];
    double[] ev = java.util.Arrays.copyOf(new SymmetricEigen().eigenvalues(c, 3), 3);
    for (int k = 0; k < 3; k++) {
      if (ev[k] < 0 && ev[k] > -1e-10) {
        ev[k] = 0;
      }
    }
    java.util.Arrays.sort(ev);
    return ev;
  }

  /** All features in {@link #FEATURES} order. */
  public double[] values() {
    return new double[] {
      elongation(),
      flatness(),
      leastAxisLength(),
      majorAxisLength(),
      maximum2DDiameterColumn(),
      maximum2DDiameterRow(),
      maximum2DDiameterSlice(),
      maximum3DDiameter(),
      meshVolume(),
      minorAxisLength(),
      sphericity(),
      surfaceArea(),
      surfaceVolumeRatio(),
      voxelVolume()
    };
  }

  /** Elongation = √(λ_minor/λ_major). PyRadiomics Elongation; IBSI Q3CK. */
  public double elongation() {
    return Math.sqrt(eigen[1] / eigen[2]);
  }

  /** Flatness = √(λ_least/λ_major). PyRadiomics Flatness; IBSI N17B. */
  public double flatness() {
    return Math.sqrt(eigen[0] / eigen[2]);
  }

  /** LeastAxisLength = 4√λ_least (mm). IBSI 7J51. */
  public double leastAxisLength() {
    return 4 * Math.sqrt(eigen[0]);
  }

  /** MajorAxisLength = 4√λ_major (mm). IBSI TDIC. */
  public double majorAxisLength() {
    return 4 * Math.sqrt(eigen[2]);
  }

  /** MinorAxisLength = 4√λ_minor (mm). IBSI P9VJ. */
  public double minorAxisLength() {
    return 4 * Math.sqrt(eigen[1]);
  }

  /**
   * Axis lengths {least, minor, major} in mm under a covariance convention (IBSI 7J51, P9VJ,
   * TDIC): 4√λ with λ from the 1/N or 1/(N − 1) covariance.
   */
  public double[] axisLengths(Covariance c) {
    double f = c == Covariance.SAMPLE_IBSI && count > 1 ? Math.sqrt((double) count / (count - 1)) : 1;
    return new double[] {
      f * leastAxisLength(), f * minorAxisLength(), f * majorAxisLength()
    };
  }

  /**
   * Maximum2DDiameterColumn: largest vertex distance within planes of equal y (row–slice plane,
   * usually coronal), mm. PyRadiomics only.
   */
  public double maximum2DDiameterColumn() {
    return diameters[1];
  }

  /**
   * Maximum2DDiameterRow: largest vertex distance within planes of equal x (column–slice plane,
   * usually sagittal), mm. PyRadiomics only.
   */
  public double maximum2DDiameterRow() {
    return diameters[2];
  }

  /**
   * Maximum2DDiameterSlice: largest vertex distance within planes of equal z (usually axial), mm.
   * PyRadiomics only.
   */
  public double maximum2DDiameterSlice() {
    return diameters[0];
  }

  /** Maximum3DDiameter: largest distance between mesh vertices, mm. IBSI L0JK. */
  public double maximum3DDiameter() {
    return diameters[3];
  }

  /** MeshVolume V of the marching-cubes mesh, mm³. IBSI RNU0. */
  public double meshVolume() {
    return meshVolume;
  }

  /** Sphericity = (36πV²)^{1/3} / A. IBSI QCFX. */
  public double sphericity() {
    return Math.cbrt(36 * Math.PI * meshVolume * meshVolume) / surfaceArea;
  }

  /** SurfaceArea A of the mesh, mm². IBSI C0JK. */
  public double surfaceArea() {
    return surfaceArea;
  }

  /** SurfaceVolumeRatio = A / V, mm⁻¹. IBSI 2PR5. */
  public double surfaceVolumeRatio() {
    return surfaceArea / meshVolume;
  }

  /** VoxelVolume = N_v · V_voxel, mm³. IBSI YEKZ (approximate volume). */
  public double voxelVolume() {
    return voxelVolume;
  }
}
