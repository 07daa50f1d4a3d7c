package org.habitatj.core.features;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Grey Level Size Zone Matrix (GLSZM) features, PyRadiomics class {@code glszm} (IBSI "grey level
 * size zone based features").
 *
 * <h2>Matrix</h2>
 *
 * A zone is a connected set of ROI voxels with the same grey level; connectivity is given by the
 * bidirectional distance-1 offsets of {@link TextureAngles}: 26-connectivity in 3D, 8-connectivity
 * in-plane with force2D (zones of all slices pooled, IBSI "2.5D"). Layout: {@code counts[(i−1)·Ns +
 * s−1]}, i = grey level 1..Ng, s = zone size 1..Ns with Ns = the largest zone (at least 1). The
 * settings' distances do not apply (PyRadiomics). Directions are not aggregated: there is one
 * matrix.
 *
 * <p>Aggregation (IBSI): 3D (KOBO) by default; with force2D the per-slice matrices are pooled into
 * one, IBSI "2.5D" (62GR). IBSI's per-slice averaged "2D" (8QNN) is not offered.
 *
 * <h2>Features</h2>
 *
 * N<sub>z</sub> = Σ P (number of zones), N<sub>p</sub> = Σ P·j (number of ROI voxels), p =
 * P/N<sub>z</sub>, p<sub>g</sub>, p<sub>s</sub> the marginals, ε = numpy.spacing(1). Grey levels
 * and sizes absent from the ROI are zero rows/columns (PyRadiomics deletes them; values
 * unchanged). A non-empty ROI never gives NaN; an empty matrix gives NaN for every feature.
 */
public final class Glszm implements FeatureFamily {

  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("GrayLevelNonUniformity", "JNSA"),
          f("GrayLevelNonUniformityNormalized", "Y1RO"),
          f("GrayLevelVariance", "BYLV"),
          f("HighGrayLevelZoneEmphasis", "5GN9"),
          f("LargeAreaEmphasis", "48P8"),
          f("LargeAreaHighGrayLevelEmphasis", "J17V"),
          f("LargeAreaLowGrayLevelEmphasis", "YH51"),
          f("LowGrayLevelZoneEmphasis", "XMSY"),
          f("SizeZoneNonUniformity", "4JP3"),
          f("SizeZoneNonUniformityNormalized", "VB3A"),
          f("SmallAreaEmphasis", "5QRC"),
          f("SmallAreaHighGrayLevelEmphasis", "HW1V"),
          f("SmallAreaLowGrayLevelEmphasis", "5RAI"),
          f("ZoneEntropy", "GU8N"),
          f("ZonePercentage", "P30P"),
          f("ZoneVariance", "3NSA"));

  public static final int N_FEATURES = 16;

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("glszm", name, code);
  }

  @Override
  public String name() {
    return "glszm";
  }

  @Override
  public List<FeatureInfo> features() {
    return FEATURES;
  }

  @Override
  public double[] compute(DiscretizedRoi roi, RadiomicsSettings settings) {
    int[][] angles =
        TextureAngles.generate(
            roi, new int[] {1}, settings.force2D(), settings.force2Ddimension(), true);
    Matrix m = matrix(roi, angles);
    double[] out = new double[N_FEATURES];
    Workspace w = new Workspace();
    if (!w.load(m.counts(), 0, roi.ng(), m.ns())) {
      Arrays.fill(out, Double.NaN);
    } else {
      features(w, out);
    }
    return out;
  }

  /**
   * A size-zone matrix.
   *
   * @param counts {@code counts[(i−1)·ns + s−1]}
   * @param ns number of size columns (largest zone, ≥ 1)
   */
  public record Matrix(double[] counts, int ns) {}

  /**
   * Builds the size-zone matrix by flood fill.
   *
   * @param angles bidirectional distance-1 offsets (dx, dy, dz) defining connectivity
   */
  public static Matrix matrix(DiscretizedRoi roi, int[][] angles) {
    int ng = roi.ng();
    int[] size = roi.size();
    int sx = size[0];
    int sy = size[1];
    int sz = size[2];
    int[] lv = roi.levels();
    int n = lv.length;
    boolean[] done = new boolean[n];
    int[] stack = new int[n];
    int[] zoneLevel = new int[n];
    int[] zoneSize = new int[n];
    int nz = 0;
    int maxSize = 1;
    int na = angles.length;
    for (int start = 0; start < n; start++) {
      int l = lv[start];
      if (l <= 0 || done[start]) {
        continue;
      }
      Glcm.checkLevel(l, ng);
      int top = 0;
      stack[top++] = start;
      done[start] = true;
      int count = 0;
      while (top > 0) {
        int k = stack[--top];
        count++;
        int x = k % sx;
        int y = (k / sx) % sy;
        int z = k / (sx * sy);
        for (int a = 0; a < na; a++) {
          int nx = x + angles[a][0];
          int ny = y + angles[a][1];
          int nzz = z + angles[a][2];
          if (nx < 0 || ny < 0 || nzz < 0 || nx >= sx || ny >= sy || nzz >= sz) {
            continue;
          }
          int j = nx + sx * (ny + sy * nzz);
          if (!done[j] && lv[j] == l) {
            done[j] = true;
            stack[top++] = j;
          }
        }
      }
      zoneLevel[nz] = l;
      zoneSize[nz] = count;
      nz++;
      maxSize = Math.max(maxSize, count);
    }
    long len = (long) ng * maxSize;
    if (len > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "GLSZM would need " + len + " entries (Ng=" + ng + "): increase the bin width");
    }
    double[] counts = new double[(int) len];
    for (int z = 0; z < nz; z++) {
      counts[(zoneLevel[z] - 1) * maxSize + zoneSize[z] - 1]++;
    }
    return new Matrix(counts, maxSize);
  }

  /** All 16 features of the matrix loaded in {@code w}, in {@link #FEATURES} order. */
  public static void features(Workspace w, double[] out) {
    out[0] = grayLevelNonUniformity(w);
    out[1] = grayLevelNonUniformityNormalized(w);
    out[2] = grayLevelVariance(w);
    out[3] = highGrayLevelZoneEmphasis(w);
    out[4] = largeAreaEmphasis(w);
    out[5] = largeAreaHighGrayLevelEmphasis(w);
    out[6] = largeAreaLowGrayLevelEmphasis(w);
    out[7] = lowGrayLevelZoneEmphasis(w);
    out[8] = sizeZoneNonUniformity(w);
    out[9] = sizeZoneNonUniformityNormalized(w);
    out[10] = smallAreaEmphasis(w);
    out[11] = smallAreaHighGrayLevelEmphasis(w);
    out[12] = smallAreaLowGrayLevelEmphasis(w);
    out[13] = zoneEntropy(w);
    out[14] = zonePercentage(w);
    out[15] = zoneVariance(w);
  }

  /** GLN = Σ p<sub>g</sub>(i)² / N<sub>z</sub>. PyRadiomics GrayLevelNonUniformity, IBSI JNSA. */
  public static double grayLevelNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pg, w.ng) / w.total;
  }

  /** GLNN = Σ p<sub>g</sub>(i)² / N<sub>z</sub>². PyRadiomics GrayLevelNonUniformityNormalized, IBSI Y1RO. */
  public static double grayLevelNonUniformityNormalized(Workspace w) {
    return SizeMatrix.sumSq(w.pg, w.ng) / (w.total * w.total);
  }

  /** GLV = Σ p(i,j)(i − μ)², μ = Σ p(i,j)·i. PyRadiomics GrayLevelVariance, IBSI BYLV. */
  public static double grayLevelVariance(Workspace w) {
    return SizeMatrix.variance(w.pg, w.ng, w.total);
  }

  /** HGLZE = Σ P·i² / N<sub>z</sub>. PyRadiomics HighGrayLevelZoneEmphasis, IBSI 5GN9. */
  public static double highGrayLevelZoneEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, 2) / w.total;
  }

  /** LAE = Σ P·j² / N<sub>z</sub>. PyRadiomics LargeAreaEmphasis, IBSI 48P8. */
  public static double largeAreaEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nj, 2) / w.total;
  }

  /** LAHGLE = Σ P·i²·j² / N<sub>z</sub>. PyRadiomics LargeAreaHighGrayLevelEmphasis, IBSI J17V. */
  public static double largeAreaHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, 2, 2) / w.total;
  }

  /** LALGLE = Σ P·j²/i² / N<sub>z</sub>. PyRadiomics LargeAreaLowGrayLevelEmphasis, IBSI YH51. */
  public static double largeAreaLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, -2, 2) / w.total;
  }

  /** LGLZE = Σ P/i² / N<sub>z</sub>. PyRadiomics LowGrayLevelZoneEmphasis, IBSI XMSY. */
  public static double lowGrayLevelZoneEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, -2) / w.total;
  }

  /** SZN = Σ p<sub>s</sub>(j)² / N<sub>z</sub>. PyRadiomics SizeZoneNonUniformity, IBSI 4JP3. */
  public static double sizeZoneNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nj) / w.total;
  }

  /** SZNN = Σ p<sub>s</sub>(j)² / N<sub>z</sub>². PyRadiomics SizeZoneNonUniformityNormalized, IBSI VB3A. */
  public static double sizeZoneNonUniformityNormalized(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nj) / (w.total * w.total);
  }

  /** SAE = Σ P/j² / N<sub>z</sub>. PyRadiomics SmallAreaEmphasis, IBSI 5QRC. */
  public static double smallAreaEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nj, -2) / w.total;
  }

  /** SAHGLE = Σ P·i²/j² / N<sub>z</sub>. PyRadiomics SmallAreaHighGrayLevelEmphasis, IBSI HW1V. */
  public static double smallAreaHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, 2, -2) / w.total;
  }

  /** SALGLE = Σ P/(i²j²) / N<sub>z</sub>. PyRadiomics SmallAreaLowGrayLevelEmphasis, IBSI 5RAI. */
  public static double smallAreaLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, -2, -2) / w.total;
  }

  /** ZE = −Σ p(i,j) log₂(p(i,j) + ε). PyRadiomics ZoneEntropy, IBSI GU8N. */
  public static double zoneEntropy(Workspace w) {
    return SizeMatrix.entropy(w.p, w.off, w.ng * w.nj, w.total);
  }

  /** ZP = N<sub>z</sub> / N<sub>p</sub>. PyRadiomics ZonePercentage, IBSI P30P. */
  public static double zonePercentage(Workspace w) {
    return w.total / SizeMatrix.moment(w.pr, w.nj, 1);
  }

  /** ZV = Σ p(i,j)(j − μ)², μ = Σ p(i,j)·j. PyRadiomics ZoneVariance, IBSI 3NSA. */
  public static double zoneVariance(Workspace w) {
    return SizeMatrix.variance(w.pr, w.nj, w.total);
  }

  /** One loaded size-zone matrix. Not thread-safe. */
  public static final class Workspace extends SizeMatrix {
    /**
     * Loads {@code counts[offset + (i−1)·ns + s−1]}.
     *
     * @return false if it is empty
     */
    public boolean load(double[] counts, int offset, int ng, int ns) {
      return loadMatrix(counts, offset, ng, ns);
    }
  }
}
