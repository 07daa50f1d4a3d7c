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
 * eigen-solver, which changes the value by far less than 1e−6 relative.
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
      if (!ws.load(counts, a * ng * ng, ng, nLevels, lo, hi)) {
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

  /** Autocorrelation = Σ p(i,j)·i·j. PyRadiomics Autocorrelation, IBSI QWB0. */
  public static double autocorrelation(Workspace w) {
    int ng = w.ng;
    double s = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      for (int j = w.lo; j <= w.hi; j++) {
        s += w.p[i * ng + j] * (i + 1) * (j + 1);
      }
    }
    return s;
  }

  /**
   * Σ (i + j − μx − μy)^power p(i,j) for power 2, 3 and 4, computed together in one pass over the
   * loaded matrix and cached until the next {@link Workspace#load} (each sum keeps its own order, so
   * the values are those of three separate passes).
   */
  private static double clusterMoment(Workspace w, int power) {
    if (!w.clusterValid) {
      int ng = w.ng;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double u = w.ux + w.uy;
      for (int i = w.lo; i <= w.hi; i++) {
        for (int j = w.lo; j <= w.hi; j++) {
          double pv = w.p[i * ng + j];
          if (pv != 0) {
            double d = i + j + 2 - u;
            double t = d * d;
            s2 += pv * t;
            s3 += pv * (t * d);
            s4 += pv * (t * t);
          }
        }
      }
      w.cluster2 = s2;
      w.cluster3 = s3;
      w.cluster4 = s4;
      w.clusterValid = true;
    }
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
    int ng = w.ng;
    double s = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      double di = i + 1 - w.ux;
      for (int j = w.lo; j <= w.hi; j++) {
        s += w.p[i * ng + j] * di * (j + 1 - w.uy);
      }
    }
    return s / (sxy + EPS);
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
    return entropy(w.pxSuby, 0, w.hi - w.lo + 1);
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
    int ng = w.ng;
    double s = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      for (int k = i * ng + w.lo; k <= i * ng + w.hi; k++) {
        s += w.p[k] * w.p[k];
      }
    }
    return s;
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
    if (w.nLevels < 2) {
      return 1.0;
    }
    int ng = w.ng;
    int m = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      if (w.px[i] > 0) {
        w.rows[m++] = i;
      }
    }
    if (m < 2) {
      return 0.0;
    }
    // C(r,k) = p(i,k)/sqrt(px(i) py(k)); S = C C^T (m x m). Only the non-zero entries of each row
    // are visited (skipped terms are exact zeros, so the sums are unchanged).
    double[] c = w.cbuf;
    int[] nz = w.nzbuf;
    int[] nnz = w.nnz;
    double[] sq = w.sqrtPy;
    for (int k = w.lo; k <= w.hi; k++) {
      sq[k] = Math.sqrt(w.py[k]);
    }
    for (int r = 0; r < m; r++) {
      int i = w.rows[r];
      double sp = Math.sqrt(w.px[i]);
      int cnt = 0;
      for (int k = w.lo; k <= w.hi; k++) {
        double pv = w.p[i * ng + k];
        if (pv == 0) {
          c[r * ng + k] = 0;
        } else {
          c[r * ng + k] = pv / (sp * sq[k]);
          nz[r * ng + cnt++] = k;
        }
      }
      nnz[r] = cnt;
    }
    double[] s = w.sbuf;
    for (int r = 0; r < m; r++) {
      int rn = nnz[r];
      for (int t = 0; t <= r; t++) {
        double v = 0;
        for (int q = 0; q < rn; q++) {
          int k = nz[r * ng + q];
          v += c[r * ng + k] * c[t * ng + k];
        }
        s[r * m + t] = v;
        s[t * m + r] = v;
      }
    }
    double second = w.eigen.secondLargest(s, m);
    // eigenvalues of Q beyond the m non-zero rows are 0; a single level gives second = 0
    return Math.sqrt(Math.max(0.0, second));
  }

  /** Maximum probability (joint maximum) = max p(i,j). PyRadiomics MaximumProbability, IBSI GYBY. */
  public static double maximumProbability(Workspace w) {
    int ng = w.ng;
    double m = 0;
    for (int i = w.lo; i <= w.hi; i++) {
      for (int k = i * ng + w.lo; k <= i * ng + w.hi; k++) {
        m = Math.max(m, w.p[k]);
      }
    }
    return m;
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
    return entropy(w.pxAddy, 2 * w.lo + 2, 2 * w.hi + 3);
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

  static double entropy(double[] v, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      if (v[k] != 0) {
        s -= v[k] * log2(v[k] + EPS);
      }
    }
    return s;
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
    double[] p = new double[0];
    double[] px = new double[0];
    double[] py = new double[0];
    double[] pxAddy = new double[0];
    double[] pxSuby = new double[0];
    double ux;
    double uy;
    double sigx;
    double sigy;
    double hx;
    double hy;
    double hxy;
    double hxy1;
    double hxy2;
    int[] rows = new int[0];
    double cluster2;
    double cluster3;
    double cluster4;
    boolean clusterValid;
    double[] cbuf = new double[0];
    int[] nzbuf = new int[0];
    int[] nnz = new int[0];
    double[] sqrtPy = new double[0];
    double[] sbuf = new double[0];
    double[] mergedBuf = new double[0];
    final SymmetricEigen eigen = new SymmetricEigen();

    /** Creates buffers for up to {@code ng} grey levels (grown on demand). */
    public Workspace(int ng) {
      ensure(ng);
    }

    private void ensure(int n) {
      if (px.length < n) {
        p = new double[n * n];
        px = new double[n];
        py = new double[n];
        pxAddy = new double[2 * n + 1];
        pxSuby = new double[n];
        rows = new int[n];
        cbuf = new double[n * n];
        nzbuf = new int[n * n];
        nnz = new int[n];
        sqrtPy = new double[n];
        sbuf = new double[n * n];
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

    /**
     * As {@link #load(double[], int, int, int)} when every count outside rows and columns {@code
     * lo..hi} (0-based grey levels) is zero; only that block is read (bit-identical result).
     */
    public boolean load(double[] counts, int offset, int ng, int nLevels, int lo, int hi) {
      ensure(ng);
      this.ng = ng;
      this.nLevels = nLevels;
      this.lo = lo;
      this.hi = hi;
      this.clusterValid = false;
      double total = 0;
      for (int i = lo; i <= hi; i++) {
        for (int k = offset + i * ng + lo; k <= offset + i * ng + hi; k++) {
          total += counts[k];
        }
      }
      if (total == 0) {
        return false;
      }
      java.util.Arrays.fill(px, 0, ng, 0);
      java.util.Arrays.fill(py, 0, ng, 0);
      java.util.Arrays.fill(pxAddy, 0, 2 * ng + 1, 0);
      java.util.Arrays.fill(pxSuby, 0, ng, 0);
      double h = 0;
      for (int i = lo; i <= hi; i++) {
        for (int j = lo; j <= hi; j++) {
          double v = counts[offset + i * ng + j] / total;
          p[i * ng + j] = v;
          if (v != 0) {
            px[i] += v;
            py[j] += v;
            pxAddy[i + j + 2] += v;
            pxSuby[Math.abs(i - j)] += v;
            h -= v * log2(v + EPS);
          }
        }
      }
      hxy = h;
      double mx = 0;
      double my = 0;
      double ex = 0;
      double ey = 0;
      for (int i = lo; i <= hi; i++) {
        mx += (i + 1) * px[i];
        my += (i + 1) * py[i];
        if (px[i] != 0) {
          ex -= px[i] * log2(px[i] + EPS);
        }
        if (py[i] != 0) {
          ey -= py[i] * log2(py[i] + EPS);
        }
      }
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
      double h1 = 0;
      double h2 = 0;
      for (int i = lo; i <= hi; i++) {
        if (px[i] == 0) {
          continue;
        }
        for (int j = lo; j <= hi; j++) {
          if (py[j] == 0) {
            continue;
          }
          double pp = px[i] * py[j];
          double l = log2(pp + EPS);
          h1 -= p[i * ng + j] * l;
          h2 -= pp * l;
        }
      }
      hxy1 = h1;
      hxy2 = h2;
      return true;
    }
  }
}
