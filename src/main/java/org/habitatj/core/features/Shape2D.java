package org.habitatj.core.features;

import java.util.List;
import org.habitatj.core.image.Mask;

/**
 * 2D shape features of a single-slice ROI (PyRadiomics {@code shape2D}, which needs {@code
 * force2D}); IBSI-1 defines no 2D morphology, so there are no IBSI codes.
 *
 * <p>The ROI must lie in one slice along the force2D axis (PyRadiomics {@code force2Ddimension}: 0
 * = z, 1 = y, 2 = x in numpy order). The in-plane mask, padded with one pixel of background, is
 * traced with marching squares (PyRadiomics' line table, {@link MarchingTables#LINES}); vertices
 * are pixel-edge midpoints. In-plane axes are (u, v) = (y, x) for the z axis, (z, x) for y, (z,
 * y) for x, as PyRadiomics orders them.
 *
 * <ul>
 *   <li>MeshSurface A = ½ Σ (a_u b_v − b_u a_v) over the contour segments (shoelace formula).
 *   <li>Perimeter P = Σ |b − a|.
 *   <li>MaximumDiameter: largest distance between contour vertices.
 *   <li>PCA: λ_major ≥ λ_minor of the covariance of pixel centres (mm, 1/N).
 * </ul>
 */
public final class Shape2D {

  /** The features in PyRadiomics output order. */
  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("Elongation"),
          f("MajorAxisLength"),
          f("MaximumDiameter"),
          f("MeshSurface"),
          f("MinorAxisLength"),
          f("Perimeter"),
          f("PerimeterSurfaceRatio"),
          f("PixelSurface"),
          f("Sphericity"));

  private static FeatureInfo f(String name) {
    return new FeatureInfo("shape2D", name, "");
  }

  private final double surface;
  private final double perimeter;
  private final double diameter;
  private final double pixelSurface;
  private final double[] eigen;

  private Shape2D(double surface, double perimeter, double diameter, double pixelSurface,
      double[] eigen) {
    this.surface = surface;
    this.perimeter = perimeter;
    this.diameter = diameter;
    this.pixelSurface = pixelSurface;
    this.eigen = eigen;
  }

  /**
   * @param mask non-empty ROI lying in one slice along {@code force2Ddimension}
   * @param force2Ddimension slice axis in numpy order: 0 = z, 1 = y, 2 = x
   * @throws IllegalArgumentException if the mask is empty or spans more than one slice
   */
  public static Shape2D of(Mask mask, int force2Ddimension) {
    int[] bb = mask.boundingBox();
    if (bb == null) {
      throw new IllegalArgumentException("mask is empty");
    }
    int axis = 2 - force2Ddimension; // our (x, y, z) axis index
    if (axis < 0 || axis > 2) {
      throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, got " + force2Ddimension);
    }
    if (bb[axis + 3] != bb[axis]) {
      String name = "xyz".substring(axis, axis + 1);
      throw new IllegalArgumentException(
          "shape2D needs an ROI in a single slice along " + name + " (force2Ddimension "
              + force2Ddimension + "), but the ROI spans " + (bb[axis + 3] - bb[axis] + 1)
              + " slices");
    }
    // in-plane axes in numpy order (u slower, v faster): remaining of (z, y, x)
    int[] inPlane = new int[2];
    int k = 0;
    for (int a = 2; a >= 0; a--) {
      if (a != axis) {
        inPlane[k++] = a;
      }
    }
    int uAx = inPlane[0];
    int vAx = inPlane[1];
    int nu = bb[uAx + 3] - bb[uAx] + 3;
    int nv = bb[vAx + 3] - bb[vAx] + 3;
    byte[] p = new byte[nu * nv];
    int[] gs = mask.geometry().size();
    double[] sp = mask.geometry().spacing();
    byte[] m = mask.data();
    int count = 0;
    int[] c = new int[3];
    c[axis] = bb[axis];
    for (int u = bb[uAx]; u <= bb[uAx + 3]; u++) {
      for (int v = bb[vAx]; v <= bb[vAx + 3]; v++) {
        c[uAx] = u;
        c[vAx] = v;
        if (m[c[0] + gs[0] * (c[1] + gs[1] * c[2])] != 0) {
          p[(u - bb[uAx] + 1) * nv + (v - bb[vAx] + 1)] = 1;
          count++;
        }
      }
    }
    double su = sp[uAx];
    double sv = sp[vAx];
    double[] r = contour(p, nu, nv, su, sv);
    double[] ev = pca(p, nu, nv, su, sv, count);
    return new Shape2D(r[0], r[1], r[2], count * su * sv, ev);
  }

  /** {surface, perimeter, diameter} by marching squares on a padded (u, v) grid. */
  static double[] contour(byte[] p, int nu, int nv, double su, double sv) {
    double surface = 0;
    double perimeter = 0;
    for (int iu = 0; iu < nu - 1; iu++) {
      for (int iv = 0; iv < nv - 1; iv++) {
        int idx = 0;
        for (int a = 0; a < 4; a++) {
          int[] o = MarchingTables.SQUARE_CORNERS[a];
          if (p[(iu + o[0]) * nv + iv + o[1]] != 0) {
            idx |= 1 << a;
          }
        }
        if (idx == 0 || idx == 0xF) {
          continue;
        }
        int[] lines = MarchingTables.LINES[idx];
        for (int t = 0; t < lines.length; t += 2) {
          double[] ea = MarchingTables.SQUARE_EDGE_POINTS[lines[t]];
          double[] eb = MarchingTables.SQUARE_EDGE_POINTS[lines[t + 1]];
          double a0 = (iu + ea[0]) * su;
          double a1 = (iv + ea[1]) * sv;
          double b0 = (iu + eb[0]) * su;
          double b1 = (iv + eb[1]) * sv;
          surface += a0 * b1 - b0 * a1;
          double d0 = a0 - b0;
          double d1 = a1 - b1;
          perimeter += Math.sqrt(d0 * d0 + d1 * d1);
        }
      }
    }
    // vertices: edge midpoints between differing pixels
    double[] vu = new double[256];
    double[] vv = new double[256];
    int n = 0;
    for (int iu = 0; iu < nu; iu++) {
      for (int iv = 0; iv < nv; iv++) {
        byte x = p[iu * nv + iv];
        for (int d = 0; d < 2; d++) {
          int ju = iu + (d == 0 ? 1 : 0);
          int jv = iv + (d == 1 ? 1 : 0);
          if (ju >= nu || jv >= nv || p[ju * nv + jv] == x) {
            continue;
          }
          if (n == vu.length) {
            vu = java.util.Arrays.copyOf(vu, 2 * n);
            vv = java.util.Arrays.copyOf(vv, 2 * n);
          }
          vu[n] = (iu + (d == 0 ? 0.5 : 0)) * su;
          vv[n] = (iv + (d == 1 ? 0.5 : 0)) * sv;
          n++;
        }
      }
    }
    double dmax = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double du = vu[i] - vu[j];
        double dv = vv[i] - vv[j];
        double dist = du * du + dv * dv;
        if (dist > dmax) {
          dmax = dist;
        }
      }
    }
    return new double[] {surface / 2, perimeter, Math.sqrt(dmax)};
  }

  private static double[] pca(byte[] p, int nu, int nv, double su, double sv, int count) {
    double mu = 0;
    double mv = 0;
    for (int u = 0; u < nu; u++) {
      for (int v = 0; v < nv; v++) {
        if (p[u * nv + v] != 0) {
          mu += u * su;
          mv += v * sv;
        }
      }
    }
    mu /= count;
    mv /= count;
    double norm = Math.sqrt(count);
    double[] c = new double[4];
    for (int u = 0; u < nu; u++) {
      for (int v = 0; v < nv; v++) {
        if (p[u * nv + v] != 0) {
          double a = (u * su - mu) / norm;
          double b = (v * sv - mv) / norm;
          c[0] += a * a;
          c[1] += a * b;
          c[3] += b * b;
        }
      }
    }
    c[2] = c[1];
    double[] ev = java.util.Arrays.copyOf(new SymmetricEigen().eigenvalues(c, 2), 2);
    for (int k = 0; k < 2; k++) {
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
      elongation(), majorAxisLength(), maximumDiameter(), meshSurface(), minorAxisLength(),
      perimeter(), perimeterSurfaceRatio(), pixelSurface(), sphericity()
    };
  }

  /** Elongation = √(λ_minor/λ_major). */
  public double elongation() {
    return Math.sqrt(eigen[0] / eigen[1]);
  }

  /** MajorAxisLength = 4√λ_major, mm. */
  public double majorAxisLength() {
    return 4 * Math.sqrt(eigen[1]);
  }

  /** MinorAxisLength = 4√λ_minor, mm. */
  public double minorAxisLength() {
    return 4 * Math.sqrt(eigen[0]);
  }

  /** MaximumDiameter: largest distance between contour vertices, mm. */
  public double maximumDiameter() {
    return diameter;
  }

  /** MeshSurface A (area enclosed by the marching-squares contour), mm². */
  public double meshSurface() {
    return surface;
  }

  /** Perimeter P of the contour, mm. */
  public double perimeter() {
    return perimeter;
  }

  /** PerimeterSurfaceRatio = P / A, mm⁻¹. */
  public double perimeterSurfaceRatio() {
    return perimeter / surface;
  }

  /** PixelSurface = N_p · (pixel area), mm². */
  public double pixelSurface() {
    return pixelSurface;
  }

  /** Sphericity = 2√(πA) / P (circularity; 1 for a circle). */
  public double sphericity() {
    return 2 * Math.sqrt(Math.PI * surface) / perimeter;
  }
}
