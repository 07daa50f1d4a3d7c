package org.habitatj.core.features;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Grey Level Dependence Matrix (GLDM) features, PyRadiomics class {@code gldm} (IBSI "neighbouring
 * grey level dependence based features", NGLDM).
 *
 * <h2>Matrix</h2>
 *
 * For each ROI voxel with grey level i, its neighbours are the voxels at the bidirectional offsets
 * of {@link TextureAngles} for the settings' distances (26 in 3D at distance 1, 8 in-plane with
 * force2D) that are inside the box and the ROI; a neighbour with level j is dependent when |i − j| ≤
 * α (PyRadiomics {@code gldm_a}, default 0). The dependence size is 1 + the number of dependent
 * neighbours. Layout: {@code counts[(i−1)·Nd + d−1]}, d = dependence size 1..Nd, Nd = number of
 * offsets + 1. One matrix, no direction aggregation.
 *
 * <p>Aggregation (IBSI): 3D (KOBO) by default; with force2D the per-slice matrices are pooled into
 * one, IBSI "2.5D" (62GR). IBSI's per-slice averaged "2D" (8QNN) is not offered.
 *
 * <h2>Features</h2>
 *
 * N<sub>z</sub> = Σ P = number of ROI voxels, p = P/N<sub>z</sub>, p<sub>g</sub>,
 * p<sub>d</sub> the marginals, ε = numpy.spacing(1). Grey levels and dependence sizes absent are
 * zero rows/columns (PyRadiomics deletes them; values unchanged). A non-empty ROI never gives NaN.
 */
public final class Gldm implements FeatureFamily {

  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("DependenceEntropy", "FCBV"),
          f("DependenceNonUniformity", "Z87G"),
          f("DependenceNonUniformityNormalized", "OKJI"),
          f("DependenceVariance", "DNX2"),
          f("GrayLevelNonUniformity", "FP8K"),
          f("GrayLevelVariance", "1PFV"),
          f("HighGrayLevelEmphasis", "OAE7"),
          f("LargeDependenceEmphasis", "IMOQ"),
          f("LargeDependenceHighGrayLevelEmphasis", "9QMG"),
          f("LargeDependenceLowGrayLevelEmphasis", "NBZI"),
          f("LowGrayLevelEmphasis", "TL9H"),
          f("SmallDependenceEmphasis", "SODN"),
          f("SmallDependenceHighGrayLevelEmphasis", "JA6D"),
          f("SmallDependenceLowGrayLevelEmphasis", "EQ3F"));

  public static final int N_FEATURES = 14;

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("gldm", name, code);
  }

  @Override
  public String name() {
    return "gldm";
  }

  @Override
  public List<FeatureInfo> features() {
    return FEATURES;
  }

  @Override
  public double[] compute(DiscretizedRoi roi, RadiomicsSettings settings) {
    int[][] angles =
        TextureAngles.generate(
            roi, settings.distances(), settings.force2D(), settings.force2Ddimension(), true);
    double[] counts = matrix(roi, angles, settings.gldmA());
    double[] out = new double[N_FEATURES];
    Workspace w = new Workspace();
    if (!w.load(counts, 0, roi.ng(), angles.length + 1)) {
      Arrays.fill(out, Double.NaN);
    } else {
      features(w, out);
    }
    return out;
  }

  /**
   * Builds the dependence matrix, layout {@code counts[(i−1)·(angles.length+1) + d−1]}.
   *
   * @param angles bidirectional offsets (dx, dy, dz)
   * @param alpha dependence cut-off α ≥ 0 (grey-level difference)
   */
  public static double[] matrix(DiscretizedRoi roi, int[][] angles, int alpha) {
    int ng = roi.ng();
    int nd = angles.length + 1;
    double[] counts = new double[ng * nd];
    int[] size = roi.size();
    int sx = size[0];
    int sy = size[1];
    int sz = size[2];
    int[] lv = roi.levels();
    int na = angles.length;
    int[] delta = new int[na];
    for (int a = 0; a < na; a++) {
      delta[a] = angles[a][0] + sx * (angles[a][1] + sy * angles[a][2]);
    }
    int idx = 0;
    for (int z = 0; z < sz; z++) {
      for (int y = 0; y < sy; y++) {
        for (int x = 0; x < sx; x++, idx++) {
          int l = lv[idx];
          if (l <= 0) {
            continue;
          }
          Glcm.checkLevel(l, ng);
          int dep = 0;
          for (int a = 0; a < na; a++) {
            int nx = x + angles[a][0];
            int ny = y + angles[a][1];
            int nz = z + angles[a][2];
            if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) {
              continue;
            }
            int lj = lv[idx + delta[a]];
            if (lj > 0 && Math.abs(l - lj) <= alpha) {
              dep++;
            }
          }
          counts[(l - 1) * nd + dep]++;
        }
      }
    }
    return counts;
  }

  /** All 14 features of the matrix loaded in {@code w}, in {@link #FEATURES} order. */
  public static void features(Workspace w, double[] out) {
    out[0] = dependenceEntropy(w);
    out[1] = dependenceNonUniformity(w);
    out[2] = dependenceNonUniformityNormalized(w);
    out[3] = dependenceVariance(w);
    out[4] = grayLevelNonUniformity(w);
    out[5] = grayLevelVariance(w);
    out[6] = highGrayLevelEmphasis(w);
    out[7] = largeDependenceEmphasis(w);
    out[8] = largeDependenceHighGrayLevelEmphasis(w);
    out[9] = largeDependenceLowGrayLevelEmphasis(w);
    out[10] = lowGrayLevelEmphasis(w);
    out[11] = smallDependenceEmphasis(w);
    out[12] = smallDependenceHighGrayLevelEmphasis(w);
    out[13] = smallDependenceLowGrayLevelEmphasis(w);
  }

  /** DE = −Σ p(i,j) log₂(p(i,j) + ε). PyRadiomics DependenceEntropy, IBSI FCBV. */
  public static double dependenceEntropy(Workspace w) {
    return SizeMatrix.entropy(w.p, w.off, w.ng * w.nj, w.total);
  }

  /** DN = Σ p<sub>d</sub>(j)² / N<sub>z</sub>. PyRadiomics DependenceNonUniformity, IBSI Z87G. */
  public static double dependenceNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nj) / w.total;
  }

  /** DNN = Σ p<sub>d</sub>(j)² / N<sub>z</sub>². PyRadiomics DependenceNonUniformityNormalized, IBSI OKJI. */
  public static double dependenceNonUniformityNormalized(Workspace w) {
    return SizeMatrix.sumSq(w.pr, w.nj) / (w.total * w.total);
  }

  /** DV = Σ p(i,j)(j − μ)², μ = Σ p(i,j)·j. PyRadiomics DependenceVariance, IBSI DNX2. */
  public static double dependenceVariance(Workspace w) {
    return SizeMatrix.variance(w.pr, w.nj, w.total);
  }

  /** GLN = Σ p<sub>g</sub>(i)² / N<sub>z</sub>. PyRadiomics GrayLevelNonUniformity, IBSI FP8K. */
  public static double grayLevelNonUniformity(Workspace w) {
    return SizeMatrix.sumSq(w.pg, w.ng) / w.total;
  }

  /** GLV = Σ p(i,j)(i − μ)², μ = Σ p(i,j)·i. PyRadiomics GrayLevelVariance, IBSI 1PFV. */
  public static double grayLevelVariance(Workspace w) {
    return SizeMatrix.variance(w.pg, w.ng, w.total);
  }

  /** HGLE = Σ P·i² / N<sub>z</sub>. PyRadiomics HighGrayLevelEmphasis, IBSI OAE7. */
  public static double highGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, 2) / w.total;
  }

  /** LDE = Σ P·j² / N<sub>z</sub>. PyRadiomics LargeDependenceEmphasis, IBSI IMOQ. */
  public static double largeDependenceEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nj, 2) / w.total;
  }

  /** LDHGLE = Σ P·i²·j² / N<sub>z</sub>. PyRadiomics LargeDependenceHighGrayLevelEmphasis, IBSI 9QMG. */
  public static double largeDependenceHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, 2, 2) / w.total;
  }

  /** LDLGLE = Σ P·j²/i² / N<sub>z</sub>. PyRadiomics LargeDependenceLowGrayLevelEmphasis, IBSI NBZI. */
  public static double largeDependenceLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, -2, 2) / w.total;
  }

  /** LGLE = Σ P/i² / N<sub>z</sub>. PyRadiomics LowGrayLevelEmphasis, IBSI TL9H. */
  public static double lowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pg, w.ng, -2) / w.total;
  }

  /** SDE = Σ P/j² / N<sub>z</sub>. PyRadiomics SmallDependenceEmphasis, IBSI SODN. */
  public static double smallDependenceEmphasis(Workspace w) {
    return SizeMatrix.moment(w.pr, w.nj, -2) / w.total;
  }

  /** SDHGLE = Σ P·i²/j² / N<sub>z</sub>. PyRadiomics SmallDependenceHighGrayLevelEmphasis, IBSI JA6D. */
  public static double smallDependenceHighGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, 2, -2) / w.total;
  }

  /** SDLGLE = Σ P/(i²j²) / N<sub>z</sub>. PyRadiomics SmallDependenceLowGrayLevelEmphasis, IBSI EQ3F. */
  public static double smallDependenceLowGrayLevelEmphasis(Workspace w) {
    return SizeMatrix.joint(w.p, w.off, w.ng, w.nj, -2, -2) / w.total;
  }

  /** One loaded dependence matrix. Not thread-safe. */
  public static final class Workspace extends SizeMatrix {
    /**
     * Loads {@code counts[offset + (i−1)·nd + d−1]}.
     *
     * @return false if it is empty
     */
    public boolean load(double[] counts, int offset, int ng, int nd) {
      return loadMatrix(counts, offset, ng, nd);
    }
  }
}
