package org.habitatj.core.features;

import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.DirectionAggregation;

/**
 * Grey Level Co-occurrence Matrix (GLCM) features, PyRadiomics class {@code glcm} (IBSI chapter
 * "Grey level co-occurrence based features").
 *
 * <h2>Matrix</h2>
 *
 * {@link #matrix} counts, for each offset ("angle") a of {@link TextureAngles} (mono-directional,
 * infinity-norm distances from the settings, 13 offsets in 3D at distance 1, 4 in-plane offsets with
 * force2D; PyRadiomics' order), the pairs (centre voxel with level i, neighbour at centre + a with
 * level j) where both voxels are in the ROI and the neighbour is inside the box. With force2D the
 * counts of all slices are pooled into one matrix per in-plane offset (IBSI "2.5D"). With
 * {@code symmetricalGLCM} (default) the transpose is added. Layout (flat {@code double[]}):
 * {@code counts[(a·Ng + (i−1))·Ng + (j−1)]}, i = row = centre level, j = column = neighbour level,
 * levels 1..Ng with Ng = {@link DiscretizedRoi#ng()}.
 *
 * <h2>Features</h2>
 *
 * Notation (PyRadiomics): p(i,j) = counts / Σcounts of one angle; p<sub>x</sub>, p<sub>y</sub> the
 * marginals; μ<sub>x</sub>, μ<sub>y</sub> their means, σ<sub>x</sub>, σ<sub>y</sub> their standard
 * deviations; p<sub>x+y</sub>(k), k = 2..2Ng and p<sub>x−y</sub>(k), k = 0..Ng−1; ε =
 * 2.220446049250313e−16 (numpy.spacing(1)); log = log<sub>2</sub>. HX, HY, HXY, HXY1, HXY2 as in
 * PyRadiomics (all logs of argument + ε).
 *
 * <p><b>Aggregation.</b> {@link DirectionAggregation#AVERAGED} (PyRadiomics, IBSI "averaged"):
 * features are computed on each angle's matrix and averaged over the angles whose matrix is not
 * empty (PyRadiomics deletes empty angles and uses nanmean). {@link DirectionAggregation#MERGED}
 * (IBSI "merged"): the counts of all angles are summed first and the features computed once. IBSI
 * aggregation codes: 3D averaged ITBB, 3D merged IAZD, force2D averaged = "2.5D directional merge"
 * JJUI, force2D merged = "2.5D merge" ZW7Z. IBSI's per-slice 2D aggregations (BTW3, SUJT) are not
 * offered.
 *
 * <p><b>Voxel-mode note.</b> PyRadiomics' voxel-based JointAverage uses a plain mean over angles,
 * so a 3D kernel with one empty angle gets NaN there (reference/README.md, upstream
 * inconsistency), and its MCC batch fails on any NaN angle (issue #937). Here every feature,
 * JointAverage and MCC included, averages over the non-empty angles, as PyRadiomics does for a
 * whole ROI; window values are therefore finite where PyRadiomics' maps hold NaN for these two.
 *
 * <p><b>Grey levels not present.</b> PyRadiomics deletes rows/columns of grey levels absent from the
 * ROI before computing features (whole ROI), or keeps the global set (voxel mode). Zero rows do not
 * change any feature value except MCC's eigenvalue count, so the matrix keeps all Ng levels and MCC
 * takes the number of grey levels PyRadiomics keeps ({@code nLevels}: distinct levels of the ROI for
 * a whole ROI, distinct levels of the whole ROI for a map window). Idmn and Idn normalise by Ng
 * (PyRadiomics' Ng = highest level of the discretised ROI, global in voxel mode).
 *
 * <p><b>Flat-region and degenerate conventions</b> (all PyRadiomics', applied per angle before
 * averaging; case C06):
 *
 * <ul>
 *   <li>Correlation = 1 when σ<sub>x</sub>σ<sub>y</sub> = 0 (otherwise divided by σ<sub>x</sub>σ
 *       <sub>y</sub> + ε).
 *   <li>Imc1 = 0 when max(HX, HY) = 0.
 *   <li>Imc2 = 0 when HXY2 = HXY; if rounding makes HXY &gt; HXY2 the angle's Imc2 is NaN and is
 *       skipped by the average, as PyRadiomics' nanmean does (NaN only if every angle is so).
 *   <li>MCC = 1 when fewer than 2 grey levels are kept ({@code nLevels} &lt; 2); an angle whose
 *       marginal has a single non-zero level has MCC 0; a tiny negative second eigenvalue from
 *       rounding is taken as 0 (PyRadiomics would give NaN for that angle).
 *   <li>A flat ROI (one level) gives JointEnergy 1, JointEntropy 0 (up to ε·log terms), Contrast
 *       0, Idm 1, Correlation 1, Imc1 0, Imc2 0, ClusterShade 0, MCC 1.
 *   <li>No angle with a pair (e.g. an isolated voxel): every feature is NaN (PyRadiomics fails on
 *       such an ROI).
 * </ul>
 *
 * <p>MCC: the second largest eigenvalue of Q(i,j) = Σ<sub>k</sub> p(i,k)p(j,k) / (p<sub>x</sub>(i)
 * p<sub>y</sub>(k)) is computed from the similar symmetric matrix C·Cᵀ with C(i,k) = p(i,k) /
 * √(p<sub>x</sub>(i)p<sub>y</sub>(k)); PyRadiomics adds ε to the denominator and uses a general
 * eigen-solver, which changes the value by far less than 1e−6 relative. The known largest
 * eigenvalue 1 (eigenvector √p<sub>x</sub>) is deflated, so the wanted eigenvalue is the largest
 * of C·Cᵀ − √p<sub>x</sub>√p<sub>x</sub>ᵀ ({@link SymmetricEigen#largest}). For a symmetric matrix
 * (symmetricalGLCM, detected from the counts) C itself is symmetric and Q is similar to C², so
 * MCC is the largest |eigenvalue| of C − √p<sub>x</sub>√p<sub>x</sub>ᵀ (one m×m tridiagonalisation,
 * no C·Cᵀ product; {@link SymmetricEigen#largestAbs}).
 *
 * <p><b>Entropies.</b> HXY uses a table of log₂ of the integer counts (log₂(n/N + ε) = log₂ n −
 * log₂ N + ε/(p ln 2) up to O(ε²)), and HXY1, HXY2 use log₂(p<sub>x</sub>p<sub>y</sub> + ε) =
 * log₂(p<sub>x</sub> + ε) + log₂(p<sub>y</sub> + ε) + O(ε) corrections, which turns their
 * Ng² logarithms into Ng (differences from the literal sums ~1e−13 absolute). Where Imc1/Imc2 are
 * rounding-sensitive (mutual information below 1e−6 bits, or at most two levels) the literal
 * PyRadiomics sums are used.
 */
public final class Glcm implements FeatureFamily {

  /** Machine epsilon as used by PyRadiomics ({@code numpy.spacing(1)}). */
  public static final double EPS = Math.ulp(1.0);

  private static final double INV_LN2 = 1.0 / Math.log(2.0);

  /** Features in PyRadiomics output order. */
  public static final List<FeatureInfo> FEATURES =
      List.of(
          f("Autocorrelation", "QWB0"),
          f("ClusterProminence", "AE86"),
          f("ClusterShade", "7NFM"),
          f("ClusterTendency", "DG8W"),
          f("Contrast", "ACUI"),
          f("Correlation", "NI2N"),
          f("DifferenceAverage", "TF7R"),
          f("DifferenceEntropy", "NTRS"),
          f("DifferenceVariance", "D3YU"),
          f("Id", "IB1Z"),
          f("Idm", "WF0Z"),
          f("Idmn", "1QCO"),
          f("Idn", "NDRX"),
          f("Imc1", "R8DG"),
          f("Imc2", "JN9H"),
          f("InverseVariance", "E8JP"),
          f("JointAverage", "60VM"),
          f("JointEnergy", "8ZQL"),
          f("JointEntropy", "TU9B"),
          f("MCC", ""),
          f("MaximumProbability", "GYBY"),
          f("SumAverage", "ZGXS"),
          f("SumEntropy", "P6QZ"),
          f("SumSquares", "UR99"));

  /** Number of features. */
  public static final int N_FEATURES = 24;

  private static FeatureInfo f(String name, String code) {
    return new FeatureInfo("glcm", name, code);
  }

  @Override
  public String name() {
    return "glcm";
  }

  @Override
  public List<FeatureInfo> features() {
    return FEATURES;
  }

  @Override
  public double[] compute(DiscretizedRoi roi, RadiomicsSettings settings) {
    int[][] angles =
        TextureAngles.generate(
            roi, settings.distances(), settings.force2D(), settings.force2Ddimension(), false);
    double[] counts = matrix(roi, angles, settings.symmetricalGLCM());
    int ng = roi.ng();
    return aggregate(
        counts,
        angles.length,
        ng,
        distinctLevels(roi),
        settings.directionAggregation(),
        new Workspace(ng));
  }

  /** Number of distinct grey levels among the ROI voxels of {@code roi}. */
  static int distinctLevels(DiscretizedRoi roi) {
    boolean[] seen = new boolean[roi.ng() + 1];
    int n = 0;
    for (int v : roi.levels()) {
      if (v > 0 && !seen[v]) {
        seen[v] = true;
        n++;
      }
    }
    return n;
  }

  /**
   * Builds the co-occurrence counts, layout {@code counts[(a·Ng + i−1)·Ng + j−1]}.
   *
   * @param roi discretised ROI (levels 0 = outside, 1..Ng)
   * @param angles offsets (dx, dy, dz) from {@link TextureAngles} (mono-directional)
   * @param symmetric add the transpose (PyRadiomics symmetricalGLCM)
   * @return counts, length angles.length·Ng²
   * @throws IllegalArgumentException if the matrix would exceed 2³¹−1 entries, or a level exceeds Ng
   */
  public static double[] matrix(DiscretizedRoi roi, int[][] angles, boolean symmetric) {
    int ng = roi.ng();
    long len = (long) angles.length * ng * ng;
    if (len > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "GLCM would need " + len + " entries (Ng=" + ng + ", " + angles.length
              + " angles): increase the bin width");
    }
    double[] counts = new double[(int) len];
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
          int li = lv[idx];
          if (li <= 0) {
            continue;
          }
          checkLevel(li, ng);
          for (int a = 0; a < na; a++) {
            int[] o = angles[a];
            int nx = x + o[0];
            int ny = y + o[1];
            int nz = z + o[2];
            if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) {
              continue;
            }
            int lj = lv[idx + delta[a]];
            if (lj <= 0) {
              continue;
            }
            checkLevel(lj, ng);
            counts[(a * ng + li - 1) * ng + lj - 1]++;
          }
        }
      }
    }
    if (symmetric) {
      symmetrize(counts, na, ng);
    }
    return counts;
  }

  static void checkLevel(int level, int ng) {
    if (level > ng) {
      throw new IllegalArgumentException("grey level " + level + " exceeds Ng = " + ng);
    }
  }

  /** Adds the transpose of each angle's matrix to itself (in place). */
  public static void symmetrize(double[] counts, int na, int ng) {
    for (int a = 0; a < na; a++) {
      int base = a * ng * ng;
      for (int i = 0; i < ng; i++) {
        for (int j = i; j < ng; j++) {
          double s = counts[base + i * ng + j] + counts[base + j * ng + i];
          counts[base + i * ng + j] = s;
          counts[base + j * ng + i] = s;
        }
      }
    }
  }

  /**
   * Features aggregated over angles.
   *
   * @param counts counts of {@code na} angles, layout as {@link #matrix}
   * @param nLevels number of grey levels PyRadiomics keeps in the matrix (for MCC, see class doc)
   * @return the 24 features in {@link #FEATURES} order; all NaN if every angle is empty
   */
  public static double[] aggregate(
      double[] counts, int na, int ng, int nLevels, DirectionAggregation agg, Workspace ws) {
    double[] out = new double[N_FEATURES];
    aggregate(counts, na, ng, nLevels, 0, ng - 1, agg, ws, out, 0);
    return out;
  }

  /**
   * As {@link #aggregate(double[], int, int, int, DirectionAggregation, Workspace)}, writing the 24
   * features into {@code out} without allocating.
   */
  public static void aggregate(double[] counts, int na, int ng, int nLevels,
      DirectionAggregation agg, Workspace ws, double[] out) {
    aggregate(counts, na, ng, nLevels, 0, ng - 1, agg, ws, out, 0);
  }

  /**
   * As {@link #aggregate(double[], int, int, int, DirectionAggregation, Workspace)}, allocation
   * free and restricted to the grey levels {@code lo+1..hi+1}: the caller guarantees that every
   * count outside rows and columns {@code lo..hi} (0-based) is zero. Skipping those zero terms
   * leaves every sum bit-identical, so the result is exactly that of the full matrix (used by the
   * sliding-window maps, where a window holds a few of the global Ng levels).
   *
   * @param out destination, {@link #N_FEATURES} values written from {@code offset}
   */
  public static void aggregate(double[] counts, int na, int ng, int nLevels, int lo, int hi,
      DirectionAggregation agg, Workspace ws, double[] out, int offset) {
    aggregate(counts, na, ng, nLevels, lo, hi, agg, ws, out, offset, true);
  }

  /**
   * As above; with {@code withMcc == false} MCC (an eigen-decomposition per angle, most of the
   * cost) is skipped and reported as NaN, for callers that did not ask for it.
   */
  public static void aggregate(double[] counts, int na, int ng, int nLevels, int lo, int hi,
      DirectionAggregation agg, Workspace ws, double[] out, int offset, boolean withMcc) {
    aggregate(counts, na, ng, nLevels, lo, hi, agg, ws, out, offset, withMcc, null);
  }

  /**
   * As above; {@code rowBits} (or null) flags the non-zero cells of every angle for the averaged
   * aggregation: {@code rowBits[64·a + i − lo]} bit {@code j − lo} for count (i, j) of angle a
   * ({@code hi − lo < 64}; see {@link Workspace#load(double[], int, int, int, int, int, long[],
   * int)}), so only those cells are read (bit-identical values).
   */
  public static void aggregate(double[] counts, int na, int ng, int nLevels, int lo, int hi,
      DirectionAggregation agg, Workspace ws, double[] out, int offset, boolean withMcc,
      long[] rowBits) {
    if (agg == DirectionAggregation.MERGED) {
      double[] merged = ws.merged(ng);
      java.util.Arrays.fill(merged, 0, ng * ng, 0);
      for (int a = 0; a < na; a++) {
        int base = a * ng * ng;
        for (int k = 0; k < ng * ng; k++) {
          merged[k] += counts[base + k];
        }
      }
      if (!ws.load(merged, 0, ng, nLevels, lo, hi)) {
        java.util.Arrays.fill(out, offset, offset + N_FEATURES, Double.NaN);
        return;
      }
      features(ws, ws.one, withMcc);
      System.arraycopy(ws.one, 0, out, offset, N_FEATURES);
      return;
    }
    double[] sum = ws.sum;
    int[] n = ws.count;
    double[] one = ws.one;
    java.util.Arrays.fill(sum, 0);
    java.util.Arrays.fill(n, 0);
    for (int a = 0; a < na; a++) {
      boolean any = rowBits == null
          ? ws.load(counts, a * ng * ng, ng, nLevels, lo, hi)
          : ws.load(counts, a * ng * ng, ng, nLevels, lo, hi, rowBits, 64 * a);
      if (!any) {
        continue; // empty angle: deleted by PyRadiomics
      }
      features(ws, one, withMcc);
      for (int f = 0; f < N_FEATURES; f++) {
        if (!Double.isNaN(one[f])) {
          sum[f] += one[f];
          n[f]++;
        }
      }
    }
    for (int f = 0; f < N_FEATURES; f++) {
      out[offset + f] = n[f] == 0 ? Double.NaN : sum[f] / n[f];
    }
    if (nLevels < 2 && n[0] > 0 && withMcc) {
      out[offset + 19] = 1.0; // PyRadiomics: flat region, MCC = 1 (not averaged)
    }
  }

  /** All 24 features of the matrix loaded in {@code w}, in {@link #FEATURES} order. */
  public static void features(Workspace w, double[] out) {
    features(w, out, true);
  }

  /** As {@link #features(Workspace, double[])}; MCC is NaN when {@code withMcc} is false. */
  public static void features(Workspace w, double[] out, boolean withMcc) {
    out[0] = autocorrelation(w);
    out[1] = clusterProminence(w);
    out[2] = clusterShade(w);
    out[3] = clusterTendency(w);
    out[4] = contrast(w);
    out[5] = correlation(w);
    out[6] = differenceAverage(w);
    out[7] = differenceEntropy(w);
    out[8] = differenceVariance(w);
    out[9] = id(w);
    out[10] = idm(w);
    out[11] = idmn(w);
    out[12] = idn(w);
    out[13] = imc1(w);
    out[14] = imc2(w);
    out[15] = inverseVariance(w);
    out[16] = jointAverage(w);
    out[17] = jointEnergy(w);
    out[18] = jointEntropy(w);
    out[19] = withMcc ? mcc(w) : Double.NaN;
    out[20] = maximumProbability(w);
    out[21] = sumAverage(w);
    out[22] = sumEntropy(w);
    out[23] = sumSquares(w);
  }

  static double log2(double v) {
    return Math.log(v) * INV_LN2;
  }

  private static final double EPS_LN2 = EPS * INV_LN2;

  /** |HXY2 − HXY| or |HXY1 − HXY| below which the entropies are summed literally (bits). */
  private static final double EXACT_BELOW = 1e-6;

  private static final double[] LOG2_INT = new double[4097];

  static {
    for (int k = 1; k < LOG2_INT.length; k++) {
      LOG2_INT[k] = log2(k);
    }
  }

  /** log₂ of a count (a table for the small integers of window matrices). */
  private static double log2Count(double c) {
    if (c < LOG2_INT.length) {
      int k = (int) c;
      if (k == c) {
        return LOG2_INT[k];
      }
    }
    return log2(c);
  }

  /** Autocorrelation = Σ p(i,j)·i·j. PyRadiomics Autocorrelation, IBSI QWB0. */
  public static double autocorrelation(Workspace w) {
    w.cellPass();
    return w.autocorr;
  }

  /**
   * Σ (i + j − μx − μy)^power p(i,j) for power 2, 3 and 4, computed together in one pass over the
   * loaded matrix and cached until the next {@link Workspace#load} (each sum keeps its own order, so
   * the values are those of three separate passes).
   */
  private static double clusterMoment(Workspace w, int power) {
    w.cellPass();
    return power == 2 ? w.cluster2 : power == 3 ? w.cluster3 : w.cluster4;
  }

  /** Cluster prominence = Σ (i + j − μx − μy)⁴ p(i,j). PyRadiomics ClusterProminence, IBSI AE86. */
  public static double clusterProminence(Workspace w) {
    return clusterMoment(w, 4);
  }

  /** Cluster shade = Σ (i + j − μx − μy)³ p(i,j). PyRadiomics ClusterShade, IBSI 7NFM. */
  public static double clusterShade(Workspace w) {
    return clusterMoment(w, 3);
  }

  /**
   * Cluster tendency = Σ (i + j − μx − μy)² p(i,j) (= IBSI sum variance OEEB). PyRadiomics
   * ClusterTendency, IBSI DG8W.
   */
  public static double clusterTendency(Workspace w) {
    return clusterMoment(w, 2);
  }

  /** Contrast = Σ (i − j)² p(i,j). PyRadiomics Contrast, IBSI ACUI. */
  public static double contrast(Workspace w) {
    double s = 0;
    for (int k = 1; k <= w.hi - w.lo; k++) {
      s += (double) k * k * w.pxSuby[k];
    }
    return s;
  }

  /**
   * Correlation = (Σ p(i,j)(i − μx)(j − μy)) / (σx σy + ε); 1 when σx σy = 0. PyRadiomics
   * Correlation, IBSI NI2N.
   */
  public static double correlation(Workspace w) {
    double sxy = w.sigx * w.sigy;
    if (sxy == 0) {
      return 1.0;
    }
    w.cellPass();
    return w.corrSum / (sxy + EPS);
  }

  /** Difference average = Σ k p<sub>x−y</sub>(k). PyRadiomics DifferenceAverage, IBSI TF7R. */
  public static double differenceAverage(Workspace w) {
    double s = 0;
    for (int k = 1; k <= w.hi - w.lo; k++) {
      s += k * w.pxSuby[k];
    }
    return s;
  }

  /**
   * Difference entropy = −Σ p<sub>x−y</sub>(k) log₂(p<sub>x−y</sub>(k) + ε). PyRadiomics
   * DifferenceEntropy, IBSI NTRS.
   */
  public static double differenceEntropy(Workspace w) {
    return entropyOfCounts(w.pxSuby, w.cntSuby, 0, w.hi - w.lo + 1, w.log2Total);
  }

  /**
   * Difference variance = Σ (k − DA)² p<sub>x−y</sub>(k), DA = difference average. PyRadiomics
   * DifferenceVariance, IBSI D3YU.
   */
  public static double differenceVariance(Workspace w) {
    double da = differenceAverage(w);
    double s = 0;
    for (int k = 0; k <= w.hi - w.lo; k++) {
      s += (k - da) * (k - da) * w.pxSuby[k];
    }
    return s;
  }

  /** Inverse difference = Σ p<sub>x−y</sub>(k) / (1 + k). PyRadiomics Id, IBSI IB1Z. */
  public static double id(Workspace w) {
    double s = 0;
    for (int k = 0; k <= w.hi - w.lo; k++) {
      s += w.pxSuby[k] / (1.0 + k);
    }
    return s;
  }

  /** Inverse difference moment = Σ p<sub>x−y</sub>(k) / (1 + k²). PyRadiomics Idm, IBSI WF0Z. */
  public static double idm(Workspace w) {
    double s = 0;
    for (int k = 0; k <= w.hi - w.lo; k++) {
      s += w.pxSuby[k] / (1.0 + (double) k * k);
    }
    return s;
  }

  /**
   * Normalised inverse difference moment = Σ p<sub>x−y</sub>(k) / (1 + k²/Ng²). PyRadiomics Idmn,
   * IBSI 1QCO.
   */
  public static double idmn(Workspace w) {
    double ng2 = (double) w.ng * w.ng;
    double s = 0;
    for (int k = 0; k <= w.hi - w.lo; k++) {
      s += w.pxSuby[k] / (1.0 + (double) k * k / ng2);
    }
    return s;
  }

  /** Normalised inverse difference = Σ p<sub>x−y</sub>(k) / (1 + k/Ng). PyRadiomics Idn, IBSI NDRX. */
  public static double idn(Workspace w) {
    double s = 0;
    for (int k = 0; k <= w.hi - w.lo; k++) {
      s += w.pxSuby[k] / (1.0 + (double) k / w.ng);
    }
    return s;
  }

  /**
   * Informational measure of correlation 1 = (HXY − HXY1) / max(HX, HY); 0 when max(HX, HY) = 0.
   * PyRadiomics Imc1, IBSI R8DG.
   */
  public static double imc1(Workspace w) {
    double div = Math.max(w.hx, w.hy);
    return div == 0 ? 0.0 : (w.hxy - w.hxy1) / div;
  }

  /**
   * Informational measure of correlation 2 = √(1 − e<sup>−2(HXY2 − HXY)</sup>); 0 when HXY2 = HXY,
   * NaN when rounding makes HXY &gt; HXY2 (as PyRadiomics). PyRadiomics Imc2, IBSI JN9H.
   */
  public static double imc2(Workspace w) {
    if (w.hxy2 == w.hxy) {
      return 0.0;
    }
    return Math.sqrt(1.0 - Math.exp(-2.0 * (w.hxy2 - w.hxy)));
  }

  /** Inverse variance = Σ<sub>k≥1</sub> p<sub>x−y</sub>(k) / k². PyRadiomics InverseVariance, IBSI E8JP. */
  public static double inverseVariance(Workspace w) {
    double s = 0;
    for (int k = 1; k <= w.hi - w.lo; k++) {
      s += w.pxSuby[k] / ((double) k * k);
    }
    return s;
  }

  /** Joint average = μx = Σ p(i,j)·i. PyRadiomics JointAverage, IBSI 60VM. */
  public static double jointAverage(Workspace w) {
    return w.ux;
  }

  /** Joint energy (angular second moment) = Σ p(i,j)². PyRadiomics JointEnergy, IBSI 8ZQL. */
  public static double jointEnergy(Workspace w) {
    w.cellPass();
    return w.energy;
  }

  /** Joint entropy = HXY = −Σ p(i,j) log₂(p(i,j) + ε). PyRadiomics JointEntropy, IBSI TU9B. */
  public static double jointEntropy(Workspace w) {
    return w.hxy;
  }

  /**
   * Maximal correlation coefficient = √(second largest eigenvalue of Q), Q(i,j) = Σ<sub>k</sub>
   * p(i,k)p(j,k)/(p<sub>x</sub>(i)p<sub>y</sub>(k)); 1 when fewer than two grey levels are kept
   * (see class doc). PyRadiomics MCC, no IBSI code.
   */
  public static double mcc(Workspace w) {
    return mcc(w, true);
  }

  /**
   * As {@link #mcc(Workspace)}; with {@code symmetricPath} false a symmetric matrix also takes the
   * general path (C·Cᵀ, for tests comparing the two).
   */
  static double mcc(Workspace w, boolean symmetricPath) {
    if (w.nLevels < 2) {
      return 1.0;
    }
    int lo = w.lo;
    int hi = w.hi;
    int m = 0;
    for (int i = lo; i <= hi; i++) {
      if (w.px[i] > 0) {
        w.rowOf[i] = m;
        w.sqrtPx[m] = Math.sqrt(w.px[i]);
        m++;
      }
    }
    if (m < 2) {
      return 0.0;
    }
    double sym = symmetricPath ? mccSymmetric(w, m) : -1;
    if (sym >= 0) {
      return sym; // symmetric path (it examines the cells' graph first, see there)
    }
    int mc = 0;
    for (int k = lo; k <= hi; k++) {
      if (w.py[k] > 0) {
        w.colOf[k] = mc;
        w.sqrtPyc[mc] = Math.sqrt(w.py[k]);
        mc++;
      }
    }
    // If the bipartite graph rows–columns of the non-zero cells has several connected components,
    // each component B gives Q the eigenvalue 1 (eigenvector √px on B's rows: Σ_k p(i,k)p(j,k) /
    // (px(i)py(k)) summed over B is exact because every p(i,k) > 0 of B's rows has k in B), so the
    // second largest eigenvalue is 1 and MCC = 1 without any eigen-solver.
    if (w.components(m, mc) > 1) {
      return 1.0;
    }
    // C(r,c) = p(i,k)/sqrt(px(i) py(k)) on the rows/columns with a non-zero marginal (dense m×mc,
    // filled from the non-zero cells, row-major); nzRow lists the non-zero columns of each row.
    double[] c = w.cbuf;
    java.util.Arrays.fill(c, 0, m * mc, 0);
    int[] nzc = w.nzbuf;
    int[] rowStart = w.nnz;
    int nz = w.nCells;
    int prevRow = -1;
    for (int t = 0; t < nz; t++) {
      int r = w.rowOf[w.cellI[t]];
      int k = w.colOf[w.cellJ[t]];
      if (r != prevRow) {
        for (int q = prevRow + 1; q <= r; q++) {
          rowStart[q] = t;
        }
        prevRow = r;
      }
      c[r * mc + k] = w.cellP[t] / (w.sqrtPx[r] * w.sqrtPyc[k]);
      nzc[t] = k;
    }
    for (int q = prevRow + 1; q <= m; q++) {
      rowStart[q] = nz;
    }
    // S' = C Cᵀ − u uᵀ with u = sqrt(px): C Cᵀ has the eigenvalue 1 with eigenvector u (C·sqrt(py)
    // = sqrt(px), Cᵀ·sqrt(px) = sqrt(py)) and all its eigenvalues lie in [0, 1]; removing it leaves
    // the second largest eigenvalue of Q as the LARGEST eigenvalue of S' (eigenvalue 0 for u).
    double[] s = w.sbuf;
    for (int r = 0; r < m; r++) {
      int r0 = rowStart[r];
      int r1 = rowStart[r + 1];
      for (int t = 0; t <= r; t++) {
        double v = 0;
        for (int q = r0; q < r1; q++) {
          int k = nzc[q];
          v += c[r * mc + k] * c[t * mc + k];
        }
        v -= w.sqrtPx[r] * w.sqrtPx[t];
        s[r * m + t] = v;
        s[t * m + r] = v;
      }
    }
    double second = w.eigen.largest(s, m);
    // a single level gives second = 0; a tiny negative value from rounding is taken as 0
    return Math.sqrt(Math.max(0.0, second));
  }

  /**
   * MCC of a symmetric matrix (symmetricalGLCM, the default), or −1 if the loaded matrix is not
   * symmetric. For p = pᵀ the marginals agree (px = py = d, m levels with d &gt; 0, rowOf = colOf)
   * and C = D<sup>−1/2</sup>·p·D<sup>−1/2</sup> is itself symmetric, so Q = D<sup>−1</sup>pD
   * <sup>−1</sup>p = D<sup>−1/2</sup>·C²·D<sup>1/2</sup> is similar to C²: the eigenvalues of Q
   * are the squares of those of C. C has the eigenvalue 1 (eigenvector u = √d) and all others in
   * [−1, 1]; one copy of it is removed by the reflector H with H·u ∥ e₁, which leaves the other
   * m − 1 eigenvalues in the trailing block B of H·C·H. Hence the second largest eigenvalue of Q is
   * the largest λ² over B's eigenvalues and MCC = max(λ<sub>max</sub>(B), −λ<sub>min</sub>(B)); a
   * second component of the cells' graph (eigenvalue 1 again) or a bipartite graph (eigenvalue −1)
   * gives MCC 1, as for Q. Both show as a second component of the graph's bipartite double cover
   * (rows and columns as separate nodes, an edge per non-zero cell), which is examined first: MCC
   * is then exactly 1 without an eigen-solve (about a third of the windows of real MR maps at r = 2
   * and binWidth 25, whose small GLCMs are often disconnected). This avoids the C·Cᵀ product and is
   * better conditioned than √λ(C·Cᵀ) for small MCC; {@link SymmetricEigen#largestAbs} does one
   * (m−1)×(m−1) tridiagonalisation.
   */
  static double mccSymmetric(Workspace w, int m) {
    int lo = w.lo;
    int hi = w.hi;
    for (int i = lo; i <= hi; i++) {
      if ((w.px[i] > 0) != (w.py[i] > 0)) {
        return -1;
      }
    }
    double[] a = w.cbuf;
    java.util.Arrays.fill(a, 0, m * m, 0);
    double[] u = w.sqrtPx;
    double[] iu = w.sqrtPyc; // 1/√d here (the general path refills it with √py)
    for (int r = 0; r < m; r++) {
      iu[r] = 1.0 / u[r];
    }
    int nz = w.nCells;
    int[] cr = w.nzbuf; // row of each cell in the compact index
    int[] ck = w.ckbuf; // column of each cell in the compact index
    for (int t = 0; t < nz; t++) {
      int r = w.rowOf[w.cellI[t]];
      int k = w.rowOf[w.cellJ[t]];
      cr[t] = r;
      ck[t] = k;
      // (1/√d_min·1/√d_max) in a fixed order, so that C(r,k) and C(k,r) round alike
      double s = r < k ? iu[r] * iu[k] : iu[k] * iu[r];
      a[r * m + k] = w.cellP[t] * s;
    }
    for (int t = 0; t < nz; t++) {
      if (a[cr[t] * m + ck[t]] != a[ck[t] * m + cr[t]]) {
        return -1; // p(i,j) ≠ p(j,i): the general path
      }
    }
    if (w.doubleCoverComponents(m, cr, ck) > 1) {
      return 1.0;
    }
    // Deflate u by the reflector H = I − τ·h·hᵀ, h = u + sign(u₀)‖u‖e₁ (H·u = ∓‖u‖e₁): since
    // C·u = u, H·C·H has the first row and column e₁ (up to rounding) and its trailing
    // (m−1)×(m−1) block B holds the other m−1 eigenvalues of C. H·C·H = C − h·fᵀ − f·hᵀ with
    // q = C·h (from the cells) and f = τ·q − (τ²/2)(hᵀq)·h.
    double[] h = w.hbuf(m);
    double[] q = w.qbuf;
    double nu = 0;
    for (int r = 0; r < m; r++) {
      nu += u[r] * u[r];
      h[r] = u[r];
      q[r] = 0;
    }
    nu = Math.sqrt(nu);
    h[0] += nu; // u₀ > 0
    double tau = 1.0 / (nu * h[0]); // 2 / hᵀh, hᵀh = 2‖u‖(‖u‖ + u₀)
    for (int t = 0; t < nz; t++) {
      q[cr[t]] += a[cr[t] * m + ck[t]] * h[ck[t]];
    }
    double hq = 0;
    for (int r = 0; r < m; r++) {
      hq += h[r] * q[r];
    }
    double half = 0.5 * tau * tau * hq;
    for (int r = 0; r < m; r++) {
      q[r] = tau * q[r] - half * h[r]; // f
    }
    int mb = m - 1;
    double[] b = w.sbuf;
    for (int r = 1; r < m; r++) {
      int rowA = r * m;
      int rowB = (r - 1) * mb - 1;
      double hr = h[r];
      double fr = q[r];
      for (int k = 1; k < m; k++) {
        b[rowB + k] = a[rowA + k] - hr * q[k] - fr * h[k];
      }
    }
    double v = w.eigen.largestAbs(b, mb, 1.0);
    return Math.min(1.0, v);
  }

  /** Maximum probability (joint maximum) = max p(i,j). PyRadiomics MaximumProbability, IBSI GYBY. */
  public static double maximumProbability(Workspace w) {
    w.cellPass();
    return w.maxP;
  }

  /** Sum average = Σ<sub>k=2..2Ng</sub> k p<sub>x+y</sub>(k). PyRadiomics SumAverage, IBSI ZGXS. */
  public static double sumAverage(Workspace w) {
    double s = 0;
    for (int k = 2 * w.lo + 2; k <= 2 * w.hi + 2; k++) {
      s += k * w.pxAddy[k];
    }
    return s;
  }

  /**
   * Sum entropy = −Σ p<sub>x+y</sub>(k) log₂(p<sub>x+y</sub>(k) + ε). PyRadiomics SumEntropy, IBSI
   * P6QZ.
   */
  public static double sumEntropy(Workspace w) {
    return entropyOfCounts(w.pxAddy, w.cntAddy, 2 * w.lo + 2, 2 * w.hi + 3, w.log2Total);
  }

  /** Sum of squares (joint variance) = Σ (i − μx)² p(i,j). PyRadiomics SumSquares, IBSI UR99. */
  public static double sumSquares(Workspace w) {
    double s = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      double d = i + 1 - w.ux;
      s += d * d * w.px[i];
    }
    return s;
  }

  /**
   * −Σ p log₂(p + ε) over {@code p[from..to)} where every p = n / total with its count n in {@code
   * counts} and log₂ total given: since log₂(p + ε) = log₂ n − log₂ total + ε/(p ln 2) up to
   * O(ε²/p²), the sum is Σ p·(log₂ total − log₂ n) − (non-zero terms)·ε/ln 2, with log₂ n from a
   * table (as HXY; equal to the literal sum up to rounding, about 1e-16 relative).
   */
  static double entropyOfCounts(double[] p, double[] counts, int from, int to, double log2Total) {
    double s = 0;
    int nz = 0;
    for (int k = from; k < to; k++) {
      if (p[k] != 0) {
        s += p[k] * (log2Total - log2Count(counts[k]));
        nz++;
      }
    }
    return s - nz * EPS_LN2;
  }

  /**
   * Reusable buffers and coefficients of one normalised GLCM. {@link #load} normalises one angle's
   * counts and computes the marginals, means, standard deviations, p<sub>x+y</sub>, p<sub>x−y</sub>
   * and the entropies HX, HY, HXY, HXY1, HXY2. Not thread-safe: one per thread.
   */
  public static final class Workspace {
    int ng;
    int nLevels;
    /** 0-based range of grey levels whose rows/columns may hold counts (see load). */
    int lo;
    int hi;
    final double[] sum = new double[N_FEATURES];
    final int[] count = new int[N_FEATURES];
    final double[] one = new double[N_FEATURES];
    double[] px = new double[0];
    double[] py = new double[0];
    double[] pxAddy = new double[0];
    double[] pxSuby = new double[0];
    /**
     * The counts behind px, py, p<sub>x+y</sub>, p<sub>x−y</sub> (p = n / total), for entropies
     * from a table of log₂ n (see {@link Glcm#entropyOfCounts}).
     */
    double[] cntX = new double[0];
    double[] cntY = new double[0];
    double[] cntAddy = new double[0];
    double[] cntSuby = new double[0];
    double log2Total;
    double ux;
    double uy;
    double sigx;
    double sigy;
    double hx;
    double hy;
    double hxy;
    double hxy1;
    double hxy2;
    double cluster2;
    double cluster3;
    double cluster4;
    double autocorr;
    double corrSum;
    double energy;
    double maxP;
    boolean cellPassValid;
    /** The non-zero cells of the loaded matrix in row-major order: levels (0-based), p, count. */
    int nCells;
    int[] cellI = new int[0];
    int[] cellJ = new int[0];
    double[] cellP = new double[0];
    double[] cellN = new double[0];
    double[] logPx = new double[0];
    double[] logPy = new double[0];
    int[] rowOf = new int[0];
    int[] colOf = new int[0];
    double[] sqrtPx = new double[0];
    double[] sqrtPyc = new double[0];
    double[] cbuf = new double[0];
    int[] nzbuf = new int[0];
    int[] ckbuf = new int[0];
    int[] nnz = new int[0];
    double[] sbuf = new double[0];
    double[] mergedBuf = new double[0];
    private double[] hvec = new double[0];
    double[] qbuf = new double[0];

    double[] hbuf(int m) {
      if (hvec.length < m) {
        hvec = new double[m];
        qbuf = new double[m];
      }
      return hvec;
    }
    final SymmetricEigen eigen = new SymmetricEigen();

    /** Creates buffers for up to {@code ng} grey levels (grown on demand). */
    public Workspace(int ng) {
      ensure(ng);
    }

    private void ensure(int n) {
      if (px.length < n) {
        px = new double[n];
        py = new double[n];
        pxAddy = new double[2 * n + 1];
        pxSuby = new double[n];
        cntX = new double[n];
        cntY = new double[n];
        cntAddy = new double[2 * n + 1];
        cntSuby = new double[n];
        logPx = new double[n];
        logPy = new double[n];
        rowOf = new int[n];
        colOf = new int[n];
        sqrtPx = new double[n];
        sqrtPyc = new double[n];
        nnz = new int[n + 1];
      }
      int cells = Math.max(1, n * n);
      if (cellI.length < cells) {
        cellI = new int[cells];
        cellJ = new int[cells];
        cellP = new double[cells];
        cellN = new double[cells];
        cbuf = new double[cells];
        nzbuf = new int[cells];
        ckbuf = new int[cells];
        sbuf = new double[cells];
      }
    }

    double[] merged(int n) {
      if (mergedBuf.length < n * n) {
        mergedBuf = new double[n * n];
      }
      return mergedBuf;
    }

    /**
     * Loads one matrix of counts.
     *
     * @param counts counts array; the matrix is {@code counts[offset + (i−1)·ng + j−1]}
     * @param nLevels number of grey levels PyRadiomics keeps (MCC flat-region rule)
     * @return false if the matrix is empty (all counts 0)
     */
    public boolean load(double[] counts, int offset, int ng, int nLevels) {
      return load(counts, offset, ng, nLevels, 0, ng - 1);
    }

    /** Sizes the buffers and sets the matrix size and level range of a new load. */
    private void begin(int ng, int nLevels, int lo, int hi) {
      ensure(ng);
      this.ng = ng;
      this.nLevels = nLevels;
      this.lo = lo;
      this.hi = hi;
      this.cellPassValid = false;
    }

    /**
     * As {@link #load(double[], int, int, int)} when every count outside rows and columns {@code
     * lo..hi} (0-based grey levels) is zero; only that block is read (bit-identical result).
     */
    public boolean load(double[] counts, int offset, int ng, int nLevels, int lo, int hi) {
      begin(ng, nLevels, lo, hi);
      // the non-zero counts in row-major order (skipped zeros leave every sum unchanged)
      double total = 0;
      int nz = 0;
      int[] ci = cellI;
      int[] cj = cellJ;
      double[] cn = cellN;
      for (int i = lo; i <= hi; i++) {
        int row = offset + i * ng;
        for (int j = lo; j <= hi; j++) {
          double c = counts[row + j];
          if (c != 0) {
            total += c;
            ci[nz] = i;
            cj[nz] = j;
            cn[nz] = c;
            nz++;
          }
        }
      }
      nCells = nz;
      return finishLoad(total);
    }

    /**
     * As {@link #load(double[], int, int, int, int, int)} for a block of at most 64 levels
     * ({@code hi − lo < 64}) whose non-zero cells are flagged: bit {@code j − lo} of {@code
     * rowBits[bitOffset + i − lo]} is set for every non-zero count (i, j) (extra bits on zero
     * counts are harmless).
     * Only the flagged cells are read, in the same row-major order, so the result is bit-identical
     * to the scan of the whole block.
     *
     * @throws IllegalArgumentException if the block is wider than 64 levels
     */
    public boolean load(double[] counts, int offset, int ng, int nLevels, int lo, int hi,
        long[] rowBits, int bitOffset) {
      if (hi - lo >= 64) {
        throw new IllegalArgumentException(
            "flagged load needs at most 64 levels, got " + (hi - lo + 1));
      }
      begin(ng, nLevels, lo, hi);
      double total = 0;
      int nz = 0;
      int[] ci = cellI;
      int[] cj = cellJ;
      double[] cn = cellN;
      for (int i = lo; i <= hi; i++) {
        long bits = rowBits[bitOffset + i - lo];
        int row = offset + i * ng + lo;
        while (bits != 0) {
          int b = Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          double c = counts[row + b];
          if (c != 0) {
            total += c;
            ci[nz] = i;
            cj[nz] = lo + b;
            cn[nz] = c;
            nz++;
          }
        }
      }
      nCells = nz;
      return finishLoad(total);
    }

    /** The rest of {@link #load} once the non-zero cells and their total are collected. */
    private boolean finishLoad(double total) {
      int lo = this.lo;
      int hi = this.hi;
      int nz = nCells;
      int[] ci = cellI;
      int[] cj = cellJ;
      double[] cn = cellN;
      if (total == 0) {
        return false;
      }
      java.util.Arrays.fill(px, lo, hi + 1, 0);
      java.util.Arrays.fill(py, lo, hi + 1, 0);
      java.util.Arrays.fill(pxAddy, 2 * lo + 2, 2 * hi + 3, 0);
      java.util.Arrays.fill(pxSuby, 0, hi - lo + 1, 0);
      java.util.Arrays.fill(cntX, lo, hi + 1, 0);
      java.util.Arrays.fill(cntY, lo, hi + 1, 0);
      java.util.Arrays.fill(cntAddy, 2 * lo + 2, 2 * hi + 3, 0);
      java.util.Arrays.fill(cntSuby, 0, hi - lo + 1, 0);
      // HXY = −Σ v·log2(v + ε) with v = n/total: log2(v + ε) = log2 n − log2 total + ε/(v·ln 2)
      // up to O(ε²/v²), so HXY = log2(total)·Σv − Σ v·log2 n − nz·ε/ln 2 (log2 n from a table)
      double sv = 0;
      double svl = 0;
      for (int t = 0; t < nz; t++) {
        int i = ci[t];
        int j = cj[t];
        double c = cn[t];
        double v = c / total;
        cellP[t] = v;
        px[i] += v;
        py[j] += v;
        pxAddy[i + j + 2] += v;
        pxSuby[i > j ? i - j : j - i] += v;
        cntX[i] += c;
        cntY[j] += c;
        cntAddy[i + j + 2] += c;
        cntSuby[i > j ? i - j : j - i] += c;
        sv += v;
        svl += v * log2Count(c);
      }
      log2Total = log2Count(total);
      hxy = log2Total * sv - svl - nz * EPS_LN2;
      double mx = 0;
      double my = 0;
      double ex = 0;
      double ey = 0;
      int nx = 0;
      int ny = 0;
      double sx = 0;
      double sy = 0;
      for (int i = lo; i <= hi; i++) {
        double a = px[i];
        double b = py[i];
        mx += (i + 1) * a;
        my += (i + 1) * b;
        // −p·log2(p + ε) = p·(log2 total − log2 n) − ε/ln 2 up to O(ε²/p), p = n/total (as HXY)
        if (a != 0) {
          double la = log2Count(cntX[i]);
          logPx[i] = la;
          ex += a * (log2Total - la);
          nx++;
          sx += a;
        }
        if (b != 0) {
          double lb = cntY[i] == cntX[i] ? logPx[i] : log2Count(cntY[i]);
          logPy[i] = lb;
          ey += b * (log2Total - lb);
          ny++;
          sy += b;
        }
      }
      ex -= nx * EPS_LN2;
      ey -= ny * EPS_LN2;
      ux = mx;
      uy = my;
      hx = ex;
      hy = ey;
      double vx = 0;
      double vy = 0;
      for (int i = lo; i <= hi; i++) {
        vx += (i + 1 - mx) * (i + 1 - mx) * px[i];
        vy += (i + 1 - my) * (i + 1 - my) * py[i];
      }
      sigx = Math.sqrt(vx);
      sigy = Math.sqrt(vy);
      // HXY1 = −Σ p log2(px·py + ε) and HXY2 = −Σ px·py log2(px·py + ε) without the m² logarithms:
      // log2(px·py + ε) = log2(px + ε) + log2(py + ε) − ε/(px ln 2) − ε/(py ln 2) + ε/(px·py ln 2)
      // up to O(ε²), and Σ_j p(i,j) = px(i), so (rounding-level differences, ~1e−15 absolute)
      //   HXY1 = HX + HY + ε/ln 2·(nx + ny − Σ p/(px·py)),
      //   HXY2 = Sy·HX + Sx·HY + ε/ln 2·(nx·Sy + ny·Sx − nx·ny), Sx = Σ px, Sy = Σ py.
      double q = 0;
      for (int t = 0; t < nz; t++) {
        q += cellP[t] / (px[ci[t]] * py[cj[t]]);
      }
      double h1 = ex + ey + EPS_LN2 * (nx + ny - q);
      double h2 = sy * ex + sx * ey + EPS_LN2 * ((double) nx * sy + (double) ny * sx - (double) nx * ny);
      if (nx <= 2 || ny <= 2 || Math.abs(h2 - hxy) < EXACT_BELOW || Math.abs(h1 - hxy) < EXACT_BELOW) {
        // few levels or near-independence (Imc1/Imc2 ≈ 0 are then rounding-sensitive): the
        // literal PyRadiomics sums, term by term in row-major order
        exactEntropies();
        return true;
      }
      hxy1 = h1;
      hxy2 = h2;
      return true;
    }

    private int[] parent = new int[0];

    /**
     * Number of connected components of the bipartite graph whose nodes are the m rows and mc
     * columns with a non-zero marginal ({@code rowOf}, {@code colOf} set) and whose edges are the
     * non-zero cells.
     */
    int components(int m, int mc) {
      for (int t = 0; t < nCells; t++) {
        nzbuf[t] = rowOf[cellI[t]];
        ckbuf[t] = colOf[cellJ[t]];
      }
      return bipartiteComponents(m, mc, nzbuf, ckbuf);
    }

    /**
     * Number of connected components of the bipartite double cover of a symmetric matrix's graph:
     * 2m nodes (row r and column m + k of the compact index), an edge r – (m + k) per non-zero
     * cell (r, k) given as {@code cr}, {@code ck} for the first {@code nCells} cells. More than one
     * component means the graph is disconnected or bipartite. Up to 64 levels this only tells 1
     * from "more than 1" (returned as 2).
     */
    int doubleCoverComponents(int m, int[] cr, int[] ck) {
      if (m <= 64) {
        return doubleCoverConnected(m, cr, ck) ? 1 : 2;
      }
      return bipartiteComponents(m, m, cr, ck);
    }

    /**
     * Union-find over {@code rows} + {@code cols} nodes with an edge row {@code r[t]} – column
     * {@code c[t]} for the first {@code nCells} cells; the number of components.
     */
    private int bipartiteComponents(int rows, int cols, int[] r, int[] c) {
      int nodes = rows + cols;
      if (parent.length < nodes) {
        parent = new int[nodes];
      }
      int[] par = parent;
      for (int q = 0; q < nodes; q++) {
        par[q] = q;
      }
      int comps = nodes;
      for (int t = 0; t < nCells; t++) {
        int a = find(par, r[t]);
        int b = find(par, rows + c[t]);
        if (a != b) {
          par[a] = b;
          comps--;
        }
      }
      return comps;
    }

    private long[] adjBits = new long[64];

    /**
     * Whether the bipartite double cover is connected (m ≤ 64): a breadth-first search over
     * (level, parity) with one 64-bit neighbour mask per level; every level reached at both
     * parities means a connected graph with an odd cycle.
     */
    private boolean doubleCoverConnected(int m, int[] cr, int[] ck) {
      long[] adj = adjBits;
      java.util.Arrays.fill(adj, 0, m, 0L);
      for (int t = 0; t < nCells; t++) {
        adj[cr[t]] |= 1L << ck[t];
      }
      long all = m == 64 ? -1L : (1L << m) - 1;
      long even = 1L; // levels reached by an even-length walk from level 0
      long odd = 0L;
      long frontEven = 1L;
      long frontOdd = 0L;
      while ((frontEven | frontOdd) != 0) {
        long nextOdd = 0L;
        long nextEven = 0L;
        for (long b = frontEven; b != 0; b &= b - 1) {
          nextOdd |= adj[Long.numberOfTrailingZeros(b)];
        }
        for (long b = frontOdd; b != 0; b &= b - 1) {
          nextEven |= adj[Long.numberOfTrailingZeros(b)];
        }
        frontOdd = nextOdd & ~odd;
        frontEven = nextEven & ~even;
        odd |= frontOdd;
        even |= frontEven;
      }
      return even == all && odd == all;
    }

    private static int find(int[] par, int q) {
      while (par[q] != q) {
        par[q] = par[par[q]];
        q = par[q];
      }
      return q;
    }

    /** HXY, HXY1, HXY2 summed literally (PyRadiomics' formulas, row-major order, one log each). */
    private void exactEntropies() {
      double h = 0;
      for (int t = 0; t < nCells; t++) {
        double v = cellP[t];
        h -= v * log2(v + EPS);
      }
      hxy = h;
      double h1 = 0;
      double h2 = 0;
      int t = 0;
      for (int i = lo; i <= hi; i++) {
        if (px[i] == 0) {
          continue;
        }
        while (t < nCells && cellI[t] < i) {
          t++;
        }
        for (int j = lo; j <= hi; j++) {
          if (py[j] == 0) {
            continue;
          }
          double pp = px[i] * py[j];
          double l = log2(pp + EPS);
          double pv = 0;
          while (t < nCells && cellI[t] == i && cellJ[t] < j) {
            t++;
          }
          if (t < nCells && cellI[t] == i && cellJ[t] == j) {
            pv = cellP[t];
          }
          h1 -= pv * l;
          h2 -= pp * l;
        }
      }
      hxy1 = h1;
      hxy2 = h2;
    }

    /**
     * One pass over the non-zero cells (row-major, so each sum keeps the order of the full-matrix
     * loop): Autocorrelation, the cluster moments of power 2, 3, 4, the correlation numerator,
     * JointEnergy, MaximumProbability; cached until the next {@link #load}.
     */
    void cellPass() {
      if (cellPassValid) {
        return;
      }
      double ac = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double cs = 0;
      double en = 0;
      double mp = 0;
      double u = ux + uy;
      for (int t = 0; t < nCells; t++) {
        int i = cellI[t];
        int j = cellJ[t];
        double pv = cellP[t];
        ac += pv * (i + 1) * (j + 1);
        double d = i + j + 2 - u;
        double dd = d * d;
        s2 += pv * dd;
        s3 += pv * (dd * d);
        s4 += pv * (dd * dd);
        cs += pv * (i + 1 - ux) * (j + 1 - uy);
        en += pv * pv;
        mp = Math.max(mp, pv);
      }
      autocorr = ac;
      cluster2 = s2;
      cluster3 = s3;
      cluster4 = s4;
      corrSum = cs;
      energy = en;
      maxP = mp;
      cellPassValid = true;
    }
  }
}
