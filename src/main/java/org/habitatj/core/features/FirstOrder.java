package org.habitatj.core.features;

import java.util.Arrays;
import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings.KurtosisConvention;

/**
 * First-order (intensity statistics and intensity-histogram) features, PyRadiomics {@code
 * firstorder} class, IBSI-1 sections 3.3 (statistics) and 3.4 (histogram).
 *
 * <h2>Notation</h2>
 *
 * X = the N_p intensities of the ROI (after pre-processing, not discretised); c = {@code
 * voxelArrayShift} (added only in Energy, TotalEnergy and RootMeanSquared, as PyRadiomics does);
 * X̄ = mean; m_k = (1/N_p) Σ (x − X̄)^k (biased central moments); P_q = numpy percentile q with
 * linear interpolation; p(i) = fraction of voxels in grey level i of the discretisation (fixed bin
 * width by default); ε = 2.220446049250313e-16 (numpy.spacing(1)); V_voxel = voxel volume in mm³.
 *
 * <h2>Flat-region conventions (case C06, PyRadiomics)</h2>
 *
 * When m_2 = 0 (all values equal): Skewness = 0 and Kurtosis = 0 (in both kurtosis conventions),
 * Variance 0, Entropy 0, Uniformity 1. When all values fall in one grey level, Entropy is exactly
 * 0 (PyRadiomics returns −3.2e−16 there, an artefact of its ε; compare such values with an
 * absolute tolerance).
 *
 * <h2>Use in sliding windows</h2>
 *
 * {@link #compute(double[], int[], int, int, double, double, KurtosisConvention, Workspace,
 * double[], int)} works on primitive arrays with a reusable {@link Workspace} and allocates
 * nothing.
 */
public final class FirstOrder {

  /** Machine epsilon used by PyRadiomics in log2(p + ε). */
  public static final double EPS = Math.ulp(1.0);

  /** The features in PyRadiomics output order (sorted by PyRadiomics method name). */
  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("10Percentile", "QG58"),
          f("90Percentile", "8DWT"),
          f("Energy", "N8CA"),
          f("Entropy", "TLU2"),
          f("InterquartileRange", "SALO"),
          f("Kurtosis", "IPH6"),
          f("Maximum", "84IY"),
          f("MeanAbsoluteDeviation", "4FUA"),
          f("Mean", "Q4LE"),
          f("Median", "Y12H"),
          f("Minimum", "1GSF"),
          f("Range", "2OJQ"),
          f("RobustMeanAbsoluteDeviation", "1128"),
          f("RootMeanSquared", "5ZWQ"),
          f("Skewness", "KE2A"),
          f("TotalEnergy", ""),
          f("Uniformity", "BJ5W"),
          f("Variance", "ECT3"));

  /**
   * Deprecated PyRadiomics features, output only when named explicitly in the settings:
   * StandardDeviation = √Variance (IBSI: none; PyRadiomics marks it deprecated).
   */
  public static final List<FeatureInfo> ON_REQUEST = List.of(f("StandardDeviation", ""));

  /** Number of features, the length of a {@link #compute} result. */
  public static final int COUNT = FEATURES.size();

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("firstorder", name, code);
  }

  private FirstOrder() {}

  /** Reusable scratch space for {@link #compute}: sized for up to {@code maxN} values. */
  public static final class Workspace {
    double[] sorted;
    int[] hist;

    public Workspace(int maxN, int maxLevel) {
      sorted = new double[Math.max(1, maxN)];
      hist = new int[maxLevel + 2];
    }

    void ensure(int n, int ng) {
      if (sorted.length < n) {
        sorted = new double[n];
      }
      if (hist.length < ng + 2) {
        hist = new int[ng + 2];
      }
    }
  }

  /**
   * All first-order features of one set of values, in {@link #FEATURES} order.
   *
   * @param values intensities (first {@code n} used; not modified)
   * @param levels grey level (1..ng) of each value, same order; used for Entropy and Uniformity
   * @param n number of values (≥ 1)
   * @param ng highest possible grey level (size of the histogram)
   * @param voxelVolume V_voxel in mm³ (TotalEnergy)
   * @param shift voxelArrayShift c
   * @param kurtosis PyRadiomics (m4/m2²) or IBSI excess (m4/m2² − 3)
   * @param ws scratch space (grown if too small)
   * @param out destination, {@link #COUNT} values written from {@code offset}
   * @param offset first index written in {@code out}
   */
  public static void compute(
      double[] values,
      int[] levels,
      int n,
      int ng,
      double voxelVolume,
      double shift,
      KurtosisConvention kurtosis,
      Workspace ws,
      double[] out,
      int offset) {
    if (n < 1) {
      throw new IllegalArgumentException("first-order features need at least one value");
    }
    ws.ensure(n, ng);
    double[] s = ws.sorted;
    System.arraycopy(values, 0, s, 0, n);
    Arrays.sort(s, 0, n);
    double mean = mean(values, n);
    double m2 = centralMoment(values, n, mean, 2);
    double p10 = percentile(s, n, 10);
    double p90 = percentile(s, n, 90);
    int[] h = ws.hist;
    Arrays.fill(h, 0, ng + 2, 0);
    for (int i = 0; i < n; i++) {
      h[levels[i]]++;
    }
    double energy = energy(values, n, shift);
    int k = offset;
    out[k++] = p10;
    out[k++] = p90;
    out[k++] = energy;
    out[k++] = entropy(h, ng, n);
    out[k++] = interquartileRange(s, n);
    out[k++] = kurtosis(values, n, mean, m2, kurtosis);
    out[k++] = s[n - 1];
    out[k++] = meanAbsoluteDeviation(values, n, mean);
    out[k++] = mean;
    out[k++] = median(s, n);
    out[k++] = s[0];
    out[k++] = s[n - 1] - s[0];
    out[k++] = robustMeanAbsoluteDeviation(s, n, p10, p90);
    out[k++] = Math.sqrt(energy / n);
    out[k++] = skewness(values, n, mean, m2);
    out[k++] = voxelVolume * energy;
    out[k++] = uniformity(h, ng, n);
    out[k] = m2;
  }

  /** Convenience: allocates a workspace and returns a new array in {@link #FEATURES} order. */
  public static double[] compute(
      double[] values,
      int[] levels,
      int ng,
      double voxelVolume,
      double shift,
      KurtosisConvention kurtosis) {
    double[] out = new double[COUNT];
    compute(values, levels, values.length, ng, voxelVolume, shift, kurtosis,
        new Workspace(values.length, ng), out, 0);
    return out;
  }

  /** Mean X̄ = (1/N_p) Σ x. PyRadiomics Mean; IBSI Q4LE. */
  public static double mean(double[] v, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
    }
    return sum / n;
  }

  /** Biased central moment m_k = (1/N_p) Σ (x − X̄)^k. */
  static double centralMoment(double[] v, int n, double mean, int k) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - mean;
      double p = d;
      for (int j = 1; j < k; j++) {
        p *= d;
      }
      sum += p;
    }
    return sum / n;
  }

  /**
   * Energy = Σ (x + c)². PyRadiomics Energy; IBSI N8CA (with c = 0). TotalEnergy = V_voxel ·
   * Energy (PyRadiomics only, no IBSI code). RootMeanSquared = √(Energy/N_p), IBSI 5ZWQ.
   */
  public static double energy(double[] v, int n, double shift) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i] + shift;
      sum += x * x;
    }
    return sum;
  }

  /**
   * Entropy = −Σ_i p(i) log2(p(i) + ε) over the grey levels present. PyRadiomics Entropy; IBSI
   * intensity-histogram entropy TLU2. Flat region (one level, p = 1): exactly 0 (case C06), where
   * PyRadiomics' ε gives −3.2e−16.
   */
  static double entropy(int[] hist, int ng, int n) {
    double e = 0;
    for (int i = 0; i <= ng + 1; i++) {
      if (hist[i] == n) {
        return 0;
      }
      if (hist[i] > 0) {
        double p = (double) hist[i] / n;
        e -= p * (Math.log(p + EPS) / Math.log(2));
      }
    }
    return e;
  }

  /** Uniformity = Σ_i p(i)². PyRadiomics Uniformity; IBSI intensity-histogram uniformity BJ5W. */
  static double uniformity(int[] hist, int ng, int n) {
    double u = 0;
    for (int i = 0; i <= ng + 1; i++) {
      if (hist[i] > 0) {
        double p = (double) hist[i] / n;
        u += p * p;
      }
    }
    return u;
  }

  /**
   * numpy percentile (method 'linear') of sorted values: virtual index h = (n − 1)·q/100, result
   * = numpy._lerp(a[⌊h⌋], a[⌊h⌋+1], h − ⌊h⌋). P10 = PyRadiomics 10Percentile (IBSI QG58), P90 =
   * 90Percentile (IBSI 8DWT).
   *
   * @param sorted values sorted ascending (first {@code n})
   * @param q percentile in [0, 100]
   */
  public static double percentile(double[] sorted, int n, double q) {
    double h = (n - 1) * (q / 100.0);
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double t = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Median (numpy: middle value, or the mean of the two middle values). IBSI Y12H. */
  public static double median(double[] sorted, int n) {
    int m = n / 2;
    return (n % 2 == 1) ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
  }

  /** InterquartileRange = P75 − P25. PyRadiomics InterquartileRange; IBSI SALO. */
  public static double interquartileRange(double[] sorted, int n) {
    return percentile(sorted, n, 75) - percentile(sorted, n, 25);
  }

  /** MeanAbsoluteDeviation = (1/N_p) Σ |x − X̄|. IBSI 4FUA. */
  public static double meanAbsoluteDeviation(double[] v, int n, double mean) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.abs(v[i] - mean);
    }
    return s / n;
  }

  /**
   * RobustMeanAbsoluteDeviation = (1/N_10-90) Σ |x − X̄_10-90| over the values with P10 ≤ x ≤ P90
   * (X̄_10-90 their mean). IBSI 1128.
   */
  public static double robustMeanAbsoluteDeviation(double[] sorted, int n, double p10, double p90) {
    double sum = 0;
    int c = 0;
    for (int i = 0; i < n; i++) {
      double x = sorted[i];
      if (x >= p10 && x <= p90) {
        sum += x;
        c++;
      }
    }
    double m = sum / c;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double x = sorted[i];
      if (x >= p10 && x <= p90) {
        s += Math.abs(x - m);
      }
    }
    return s / c;
  }

  /**
   * Skewness = m_3 / m_2^{3/2}; 0 when m_2 = 0 (flat region, PyRadiomics convention). IBSI KE2A.
   */
  public static double skewness(double[] v, int n, double mean, double m2) {
    if (m2 == 0) {
      return 0;
    }
    return centralMoment(v, n, mean, 3) / Math.pow(m2, 1.5);
  }

  /**
   * Kurtosis = m_4 / m_2² (PyRadiomics Kurtosis, a normal distribution gives 3) or the IBSI excess
   * kurtosis m_4 / m_2² − 3 (IBSI IPH6), by convention; 0 when m_2 = 0 (flat region) in both
   * conventions.
   */
  public static double kurtosis(double[] v, int n, double mean, double m2, KurtosisConvention c) {
    if (m2 == 0) {
      return 0;
    }
    double k = centralMoment(v, n, mean, 4) / (m2 * m2);
    return c == KurtosisConvention.IBSI_EXCESS ? k - 3 : k;
  }

  /** Variance = m_2 (biased, 1/N_p). PyRadiomics Variance; IBSI ECT3. */
  public static double variance(double[] v, int n) {
    return centralMoment(v, n, mean(v, n), 2);
  }
}
