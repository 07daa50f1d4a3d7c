package org.habitatj.core.features;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.DirectionAggregation;

/**
 * Grey Level Run Length Matrix (GLRLM) features, PyRadiomics class {@code glrlm} (IBSI "grey level
 * run length based features").
 *
 * <h2>Matrix</h2>
 *
 * For each mono-directional offset of {@link TextureAngles} at distance 1 (13 in 3D, 4 in-plane
 * with force2D, PyRadiomics' order; the settings' distances do not apply, as in PyRadiomics) a run
 * is a maximal sequence of consecutive ROI voxels with the same grey level along that direction;
 * voxels outside the ROI or the box end a run. Layout: {@code counts[(a·Ng + i−1)·Nr + r−1]} with
 * Nr = the longest possible run (largest box dimension), i = grey level, r = run length. As in
 * PyRadiomics, an angle along which no line through the ROI holds two or more ROI voxels (the ROI
 * is one voxel thick in that direction) is emptied and then ignored.
 *
 * <h2>Features</h2>
 *
 * P(i,j|θ) = counts of angle θ; N<sub>r</sub>(θ) = Σ P (number of runs); N<sub>p</sub>(θ) = Σ
 * P·j (number of voxels); p = P/N<sub>r</sub>; p<sub>g</sub>(i) = Σ<sub>j</sub> P(i,j),
 * p<sub>r</sub>(j) = Σ<sub>i</sub> P(i,j); ε = numpy.spacing(1). Features are computed per angle
 * and averaged over the non-empty angles (PyRadiomics nanmean; IBSI "averaged"), or computed once
 * on the sum over angles ({@link DirectionAggregation#MERGED}, IBSI "merged"; N<sub>p</sub> is then
 * the voxel count times the number of angles, as PyRadiomics' note on merged matrices says). IBSI
 * codes: 3D averaged ITBB, 3D merged IAZD, force2D averaged JJUI, force2D merged ZW7Z.
 *
 * <p>Grey levels absent from the ROI are zero rows here (PyRadiomics deletes them; no value
 * changes). Conventions: a whole ROI never gives NaN unless every angle is empty (an ROI of one
 * voxel), where all features are NaN.
 */
public final class Glrlm implements FeatureFamily {

  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("GrayLevelNonUniformity", "R5YN"),
          f("GrayLevelNonUniformityNormalized", "OVBL"),
          f("GrayLevelVariance", "8CE5"),
          f("HighGrayLevelRunEmphasis", "G3QZ"),
          f("LongRunEmphasis", "W4KF"),
          f("LongRunHighGrayLevelEmphasis", "3KUM"),
          f("LongRunLowGrayLevelEmphasis", "IVPO"),
          f("LowGrayLevelRunEmphasis", "V3SW"),
          f("RunEntropy", "HJ9O"),
          f("RunLengthNonUniformity", "W92Y"),
          f("RunLengthNonUniformityNormalized", "IC23"),
          f("RunPercentage", "9ZK5"),
          f("RunVariance", "SXLW"),
          f("ShortRunEmphasis", "22OV"),
          f("ShortRunHighGrayLevelEmphasis", "GD3A"),
          f("ShortRunLowGrayLevelEmphasis", "HTZT"));

  public static final int N_FEATURES = 16;

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("glrlm", name, code);
  }

  @Override
  public String name() {
    return "glrlm";
  }

  @Override
  public List<FeatureInfo> features() {
    return FEATURES;
  }

  @Override
  public double[] compute(DiscretizedRoi roi, RadiomicsSettings settings) {
    int[][] angles =
        TextureAngles.generate(
            roi, new int[] {1}, settings.force2D(), settings.force2Ddimension(), false);
    int nr = maxRunLength(roi);
    double[] counts = matrix(roi, angles, nr);
    return aggregate(counts, angles.length, roi.ng(), nr, settings.directionAggregation(),
        new Workspace());
  }

  /** Largest possible run length in the box: its largest dimension. */
  public static int maxRunLength(DiscretizedRoi roi) {
    int[] s = roi.size();
    return Math.max(s[0], Math.max(s[1], s[2]));
  }

  /**
   * Builds the run-length counts, layout {@code counts[(a·Ng + i−1)·nr + r−1]}.
   *
   * @param angles offsets (dx, dy, dz), mono-directional
   * @param nr number of run-length columns (≥ the longest run, see {@link #maxRunLength})
   * @throws IllegalArgumentException if the matrix would exceed 2³¹−1 entries
   */
  public static double[] matrix(DiscretizedRoi roi, int[][] angles, int nr) {
    int ng = roi.ng();
    int na = angles.length;
    long len = (long) na * ng * nr;
    if (len > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "GLRLM would need " + len + " entries (Ng=" + ng + "): increase the bin width");
    }
    double[] counts = new double[(int) len];
    int[] size = roi.size();
    int sx = size[0];
    int sy = size[1];
    int sz = size[2];
    int[] lv = roi.levels();
    for (int a = 0; a < na; a++) {
      int dx = angles[a][0];
      int dy = angles[a][1];
      int dz = angles[a][2];
      int delta = dx + sx * (dy + sy * dz);
      int base = a * ng * nr;
      boolean multi = false;
      int idx = 0;
      for (int z = 0; z < sz; z++) {
        for (int y = 0; y < sy; y++) {
          for (int x = 0; x < sx; x++, idx++) {
            int l = lv[idx];
            if (l <= 0) {
              continue;
            }
            Glcm.checkLevel(l, ng);
            // a run starts here if the previous voxel along -d is outside box/ROI or differs
            int px = x - dx;
            int py = y - dy;
            int pz = z - dz;
            if (px >= 0 && py >= 0 && pz >= 0 && px < sx && py < sy && pz < sz
                && lv[idx - delta] == l) {
              continue;
            }
            int r = 1;
            int cx = x + dx;
            int cy = y + dy;
            int cz = z + dz;
            int ci = idx + delta;
            while (cx >= 0 && cy >= 0 && cz >= 0 && cx < sx && cy < sy && cz < sz
                && lv[ci] == l) {
              r++;
              cx += dx;
              cy += dy;
              cz += dz;
              ci += delta;
            }
            if (r > 1) {
              multi = true;
            }
            counts[base + (l - 1) * nr + r - 1]++;
          }
        }
      }
      if (!multi && !lineHoldsTwoRoiVoxels(lv, sx, sy, sz, dx, dy, dz)) {
        Arrays.fill(counts, base, base + ng * nr, 0); // ROI is flat in this direction
      }
    }
    return counts;
  }

  /** Whether any line along (dx,dy,dz) holds at least two ROI voxels (PyRadiomics multiElement). */
  private static boolean lineHoldsTwoRoiVoxels(
      int[] lv, int sx, int sy, int sz, int dx, int dy, int dz) {
    int delta = dx + sx * (dy + sy * dz);
    int idx = 0;
    for (int z = 0; z < sz; z++) {
      for (int y = 0; y < sy; y++) {
        for (int x = 0; x < sx; x++, idx++) {
          if (lv[idx] <= 0) {
            continue;
          }
          int cx = x + dx;
          int cy = y + dy;
          int cz = z + dz;
          int ci = idx + delta;
          while (cx >= 0 && cy >= 0 && cz >= 0 && cx < sx && cy < sy && cz < sz) {
            if (lv[ci] > 0) {
              return true;
            }
            cx += dx;
            cy += dy;
            cz += dz;
            ci += delta;
          }
        }
      }
    }
    return false;
  }

  /**
   * Features aggregated over angles (see class doc).
   *
   * @return the 16 features in {@link #FEATURES} order; all NaN if every angle is empty
   */
  public static double[] aggregate(
      double[] counts, int na, int ng, int nr, DirectionAggregation agg, Workspace ws) {
    double[] out = new double[N_FEATURES];
    aggregate(counts, na, ng, nr, agg, ws, out);
    return out;
  }

  /** As the allocating overload, writing the 16 features into {@code out} (sliding windows). */
  public static void aggregate(
      double[] counts,
      int na,
      int ng,
      int nr,
      DirectionAggregation agg,
      Workspace ws,
      double[] out) {
    Arrays.fill(out, 0, N_FEATURES, 0);
    if (agg == DirectionAggregation.MERGED) {
      double[] merged = ws.merged(ng * nr);
      for (int a = 0; a < na; a++) {
        for (int k = 0; k < ng * nr; k++) {
          merged[k] += counts[a * ng * nr + k];
        }
      }
      if (!ws.load(merged, 0, ng, nr)) {
        Arrays.fill(out, 0, N_FEATURES, Double.NaN);
      } else {
        features(ws, out);
      }
      return;
    }
    double[] one = ws.one;
    int n = 0;
    for (int a = 0; a < na; a++) {
      if (!ws.load(counts, a * ng * nr, ng, nr)) {
        continue;
      }
      features(ws, one);
      for (int f = 0; f < N_FEATURES; f++) {
        out[f] += one[f];
      }
      n++;
    }
    for (int f = 0; f < N_FEATURES; f++) {
      out[f] = n == 0 ? Double.NaN : out[f] / n;
    }
  }

  /** All 16 features of the matrix loaded in {@code w}, in {@link #FEATURES} order. */
  public static void features(Workspace w, double[] out) {
    out[0] = grayLevelNonUniformity(w);
    out[1] = grayLevelNonUniformityNormalized(w);
    out[2] = grayLevelVariance(w);
    out[3] = highGrayLevelRunEmphasis(w);
    out[4] = longRunEmphasis(w);
    out[5] = longRunHighGrayLevelEmphasis(w);
    out[6] = longRunLowGrayLevelEmphasis(w);
    out[7] = lowGrayLevelRunEmphasis(w);
    out[8] = runEntropy(w);
    out[9] = runLengthNonUniformity(w);
    out[10] = runLengthNonUniformityNormalized(w);
    out[11] = runPercentage(w);
    out[12] = runVariance(w);
    out[13] = shortRunEmphasis(w);
    out[14] = shortRunHighGrayLevelEmphasis(w);
    out[15] = shortRunLowGrayLevelEmphasis(w);
  }

  /** GLN = Σ<sub>i</sub> p<sub>g</sub>(i)² / N<sub>r</sub>. PyRadiomics GrayLevelNonUniformity, IBSI R5YN. */
  public static double grayLevelNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pg, w.ng) / w.total;
  }

  /** GLNN = Σ p<sub>g</sub>(i)² / N<sub>r</sub>². PyRadiomics GrayLevelNonUniformityNormalized, IBSI OVBL. */
  public static double grayLevelNonUniformityNormalized(Workspace w) {
    return SizeMatrix.sumSq(w.pg, w.ng) / (w.total * w.total);
  }

  /** GLV = Σ p(i,j)(i − μ)², μ = Σ p(i,j)·i. PyRadiomics GrayLevelVariance, IBSI 8CE5. */
  public static double grayLevelVariance(Workspace w) {
    return SizeMatrix.variance(w.pg, w.ng, w.total);
  }

  /** HGLRE = Σ P(i,j)·i² / N<sub>r</sub>. PyRadiomics HighGrayLevelRunEmphasis, IBSI G3QZ. */
  public static double highGrayLevelRunEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, 2) / w.total;
  }

  /** LRE = Σ P(i,j)·j² / N<sub>r</sub>. PyRadiomics LongRunEmphasis, IBSI W4KF. */
  public static double longRunEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nr, 2) / w.total;
  }

  /** LRHGLE = Σ P(i,j)·i²·j² / N<sub>r</sub>. PyRadiomics LongRunHighGrayLevelEmphasis, IBSI 3KUM. */
  public static double longRunHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nr, 2, 2) / w.total;
  }

  /** LRLGLE = Σ P(i,j)·j²/i² / N<sub>r</sub>. PyRadiomics LongRunLowGrayLevelEmphasis, IBSI IVPO. */
  public static double longRunLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nr, -2, 2) / w.total;
  }

  /** LGLRE = Σ P(i,j)/i² / N<sub>r</sub>. PyRadiomics LowGrayLevelRunEmphasis, IBSI V3SW. */
  public static double lowGrayLevelRunEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, -2) / w.total;
  }

  /** RE = −Σ p(i,j) log₂(p(i,j) + ε). PyRadiomics RunEntropy, IBSI HJ9O. */
  public static double runEntropy(Workspace w) {
    return SizeMatrix.entropy(w.p, w.off, w.ng * w.nr, w.total);
  }

  /** RLN = Σ<sub>j</sub> p<sub>r</sub>(j)² / N<sub>r</sub>. PyRadiomics RunLengthNonUniformity, IBSI W92Y. */
  public static double runLengthNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nr) / w.total;
  }

  /** RLNN = Σ p<sub>r</sub>(j)² / N<sub>r</sub>². PyRadiomics RunLengthNonUniformityNormalized, IBSI IC23. */
  public static double runLengthNonUniformityNormalized(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nr) / (w.total * w.total);
  }

  /** RP = N<sub>r</sub> / N<sub>p</sub>, N<sub>p</sub> = Σ P·j. PyRadiomics RunPercentage, IBSI 9ZK5. */
  public static double runPercentage(Workspace w) {
    return w.total / SizeMatrix.moment(w.pr, w.nr, 1);
  }

  /** RV = Σ p(i,j)(j − μ)², μ = Σ p(i,j)·j. PyRadiomics RunVariance, IBSI SXLW. */
  public static double runVariance(Workspace w) {
    return SizeMatrix.variance(w.pr, w.nr, w.total);
  }

  /** SRE = Σ P(i,j)/j² / N<sub>r</sub>. PyRadiomics ShortRunEmphasis, IBSI 22OV. */
  public static double shortRunEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nr, -2) / w.total;
  }

  /** SRHGLE = Σ P(i,j)·i²/j² / N<sub>r</sub>. PyRadiomics ShortRunHighGrayLevelEmphasis, IBSI GD3A. */
  public static double shortRunHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nr, 2, -2) / w.total;
  }

  /** SRLGLE = Σ P(i,j)/(i²j²) / N<sub>r</sub>. PyRadiomics ShortRunLowGrayLevelEmphasis, IBSI HTZT. */
  public static double shortRunLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nr, -2, -2) / w.total;
  }

  /** One loaded run-length matrix (counts, marginals, total). Not thread-safe. */
  public static final class Workspace extends SizeMatrix {
    int nr;
    final double[] one = new double[N_FEATURES];
    private double[] mergedBuf = new double[0];

    double[] merged(int len) {
      if (mergedBuf.length < len) {
        mergedBuf = new double[len];
      }
      Arrays.fill(mergedBuf, 0, len, 0);
      return mergedBuf;
    }

    /**
     * Loads the matrix {@code counts[offset + (i−1)·nr + r−1]}.
     *
     * @return false if it is empty
     */
    public boolean load(double[] counts, int offset, int ng, int nr) {
      this.nr = nr;
      return loadMatrix(counts, offset, ng, nr);
    }
  }
}
