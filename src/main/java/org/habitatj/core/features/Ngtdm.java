package org.habitatj.core.features;

import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Neighbouring Gray Tone Difference Matrix (NGTDM) features, PyRadiomics class {@code ngtdm} (IBSI
 * "neighbourhood grey tone difference based features").
 *
 * <h2>Matrix</h2>
 *
 * For each ROI voxel with level i, Ā = mean level of its neighbours (bidirectional offsets of
 * {@link TextureAngles} for the settings' distances, inside box and ROI). n<sub>i</sub> counts the
 * ROI voxels of level i (all of them, as PyRadiomics; a voxel without neighbours adds 0 to
 * s<sub>i</sub>) and s<sub>i</sub> = Σ |i − Ā|. Layout: two arrays {@code n[i−1]}, {@code s[i−1]},
 * i = 1..Ng.
 *
 * <p>Aggregation (IBSI): 3D (KOBO) by default; with force2D the per-slice matrices are pooled into
 * one, IBSI "2.5D" (62GR). IBSI's per-slice averaged "2D" (8QNN) is not offered.
 *
 * <h2>Features</h2>
 *
 * N<sub>v,p</sub> = Σ n<sub>i</sub>, p<sub>i</sub> = n<sub>i</sub>/N<sub>v,p</sub>, N<sub>g,p</sub>
 * = number of levels with p<sub>i</sub> &gt; 0. All sums run over levels with p<sub>i</sub> &gt; 0
 * only (PyRadiomics deletes empty levels in a whole ROI and masks them in voxel mode).
 *
 * <p>Conventions (PyRadiomics; case C06 flat region): Coarseness = 10⁶ when Σ p<sub>i</sub>s
 * <sub>i</sub> = 0; Contrast = 0 when N<sub>g,p</sub> = 1; Busyness = 0 when its denominator is 0;
 * Strength = 0 when Σ s<sub>i</sub> = 0. A non-empty ROI never gives NaN.
 */
public final class Ngtdm implements FeatureFamily {

  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("Busyness", "NQ30"),
          f("Coarseness", "QCDE"),
          f("Complexity", "HDEZ"),
          f("Contrast", "65HE"),
          f("Strength", "1X9X"));

  public static final int N_FEATURES = 5;

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("ngtdm", name, code);
  }

  @Override
  public String name() {
    return "ngtdm";
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
    double[] n = new double[roi.ng()];
    double[] s = new double[roi.ng()];
    matrix(roi, angles, n, s);
    double[] out = new double[N_FEATURES];
    features(n, s, roi.ng(), out);
    return out;
  }

  /**
   * Accumulates the NGTDM into {@code n} (voxel count per level) and {@code s} (sum of absolute
   * differences per level), both of length ≥ Ng, index level − 1 (not cleared first).
   *
   * @param angles bidirectional offsets (dx, dy, dz)
   */
  public static void matrix(DiscretizedRoi roi, int[][] angles, double[] n, double[] s) {
    int ng = roi.ng();
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
          int count = 0;
          double sum = 0;
          for (int a = 0; a < na; a++) {
            int nx = x + angles[a][0];
            int ny = y + angles[a][1];
            int nz = z + angles[a][2];
            if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) {
              continue;
            }
            int lj = lv[idx + delta[a]];
            if (lj > 0) {
              count++;
              sum += lj;
            }
          }
          n[l - 1]++;
          if (count > 0) {
            s[l - 1] += Math.abs(l - sum / count);
          }
        }
      }
    }
  }

  /**
   * All 5 features in {@link #FEATURES} order from n (counts) and s (sums of differences), levels
   * 1..ng; all NaN if Σn = 0.
   */
  public static void features(double[] n, double[] s, int ng, double[] out) {
    double nvp = 0;
    for (int i = 0; i < ng; i++) {
      nvp += n[i];
    }
    if (nvp == 0) {
      java.util.Arrays.fill(out, 0, N_FEATURES, Double.NaN);
      return;
    }
    out[0] = busyness(n, s, ng, nvp);
    out[1] = coarseness(n, s, ng, nvp);
    out[2] = complexity(n, s, ng, nvp);
    out[3] = contrast(n, s, ng, nvp);
    out[4] = strength(n, s, ng, nvp);
  }

  /**
   * Busyness = Σ p<sub>i</sub>s<sub>i</sub> / Σ<sub>i,j</sub> |i p<sub>i</sub> − j p<sub>j</sub>|
   * (p<sub>i</sub>, p<sub>j</sub> &gt; 0); 0 when the denominator is 0. PyRadiomics Busyness, IBSI
   * NQ30.
   */
  public static double busyness(double[] n, double[] s, int ng, double nvp) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < ng; i++) {
      if (n[i] == 0) {
        continue;
      }
      double pi = n[i] / nvp;
      num += pi * s[i];
      for (int j = 0; j < ng; j++) {
        if (n[j] != 0) {
          den += Math.abs((i + 1) * pi - (j + 1) * (n[j] / nvp));
        }
      }
    }
    return den == 0 ? 0.0 : num / den;
  }

  /**
   * Coarseness = 1 / Σ p<sub>i</sub>s<sub>i</sub>; 10⁶ when the sum is 0. PyRadiomics Coarseness,
   * IBSI QCDE.
   */
  public static double coarseness(double[] n, double[] s, int ng, double nvp) {
    double sum = 0;
    for (int i = 0; i < ng; i++) {
      sum += n[i] / nvp * s[i];
    }
    return sum == 0 ? 1e6 : 1.0 / sum;
  }

  /**
   * Complexity = (1/N<sub>v,p</sub>) Σ<sub>i,j</sub> |i − j| (p<sub>i</sub>s<sub>i</sub> +
   * p<sub>j</sub>s<sub>j</sub>) / (p<sub>i</sub> + p<sub>j</sub>) (p<sub>i</sub>, p<sub>j</sub> &gt;
   * 0). PyRadiomics Complexity, IBSI HDEZ.
   */
  public static double complexity(double[] n, double[] s, int ng, double nvp) {
    double sum = 0;
    for (int i = 0; i < ng; i++) {
      if (n[i] == 0) {
        continue;
      }
      double pi = n[i] / nvp;
      for (int j = 0; j < ng; j++) {
        if (n[j] == 0 || j == i) {
          continue;
        }
        double pj = n[j] / nvp;
        sum += Math.abs(i - j) * (pi * s[i] + pj * s[j]) / (pi + pj);
      }
    }
    return sum / nvp;
  }

  /**
   * Contrast = [Σ<sub>i,j</sub> p<sub>i</sub>p<sub>j</sub>(i − j)² / (N<sub>g,p</sub>(N<sub>g,p</sub>
   * − 1))] · [Σ s<sub>i</sub> / N<sub>v,p</sub>]; 0 when N<sub>g,p</sub> = 1. PyRadiomics Contrast,
   * IBSI 65HE.
   */
  public static double contrast(double[] n, double[] s, int ng, double nvp) {
    int ngp = 0;
    double sumS = 0;
    double sum = 0;
    for (int i = 0; i < ng; i++) {
      if (n[i] == 0) {
        continue;
      }
      ngp++;
      sumS += s[i];
      double pi = n[i] / nvp;
      for (int j = 0; j < ng; j++) {
        if (n[j] != 0) {
          double d = i - j;
          sum += pi * (n[j] / nvp) * d * d;
        }
      }
    }
    if (ngp <= 1) {
      return 0.0;
    }
    return sum / ((double) ngp * (ngp - 1)) * (sumS / nvp);
  }

  /**
   * Strength = Σ<sub>i,j</sub> (p<sub>i</sub> + p<sub>j</sub>)(i − j)² / Σ s<sub>i</sub>
   * (p<sub>i</sub>, p<sub>j</sub> &gt; 0); 0 when Σ s<sub>i</sub> = 0. PyRadiomics Strength, IBSI
   * 1X9X.
   */
  public static double strength(double[] n, double[] s, int ng, double nvp) {
    double sumS = 0;
    double sum = 0;
    for (int i = 0; i < ng; i++) {
      if (n[i] == 0) {
        continue;
      }
      sumS += s[i];
      double pi = n[i] / nvp;
      for (int j = 0; j < ng; j++) {
        if (n[j] != 0) {
          double d = i - j;
          sum += (pi + n[j] / nvp) * d * d;
        }
      }
    }
    return sumS == 0 ? 0.0 : sum / sumS;
  }
}
