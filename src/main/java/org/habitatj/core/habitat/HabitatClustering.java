package org.habitatj.core.habitat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.habitatj.core.progress.Progress;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Seeded, reproducible K-means clustering of voxels into habitats (case C17).
 *
 * <p><b>K-means engine</b>: Smile 3.1.1 {@code smile.clustering.KMeans.fit(data, k, maxIter,
 * tol')} (k-means++ seeding with one candidate per centre, then Lloyd iterations with a BBD tree).
 * Restart r is seeded with the r-th value of a {@link SplittableRandom} started at the user's seed,
 * through {@code smile.math.MathEx.setSeed} (a thread-local generator) on the thread that runs that
 * restart, right before its fit; restarts run in parallel, and since Smile draws random numbers only
 * on the calling thread, the partition does not depend on the number of threads. Smile stops when the decrease of distortion is at most tol' =
 * max(1e-12, tol × n × mean feature variance).
 *
 * <p>Default 20 restarts: Smile's k-means++ takes one candidate per centre where scikit-learn (the
 * ITHscore package's K-means) takes 2 + ⌊ln K⌋ and keeps the best, so Smile needs more restarts
 * for partitions of the same quality. Measured on the ITHscore reference cases (see
 * IthscoreEndToEndTest): with 10 restarts STS_002 lands on a poorer local optimum (ITH 0.5699,
 * outside the package's seed range 0.5731–0.5745); with 20, brain1, STS_002 and STS_008 all lie in
 * the package's range. More restarts can reach a lower WCSS than any of the package's runs and then
 * a different ITH score (brain1 with 50 restarts: WCSS 1013.423 vs the package's best 1013.455, ITH
 * 0.7937 vs its range 0.7942–0.8132): the ITH score depends on which near-optimal partition K-means
 * returns, which is why the seed and restarts are written next to every result.
 *
 * <p>Of the restarts, the one with the lowest within-cluster sum of squares (WCSS, recomputed here
 * from the final partition) is kept; ties keep the earliest restart.
 *
 * <p><b>Canonical habitat numbering</b>: clusters are renumbered 1..K by ascending centroid value of
 * the first (standardised) feature; ties by decreasing size, then by the smallest voxel index in
 * the cluster. So "habitat 1" means the same thing across runs of one case whatever labels K-means
 * gave. Empty clusters (possible with many duplicate vectors) are dropped and K shrinks.
 *
 * <p><b>Choosing K</b>: fixed (default 6), or the K in [kMin, kMax] (default 3–9) maximising the
 * Calinski–Harabasz index (Calinski &amp; Harabasz 1974) or the mean silhouette (Rousseeuw 1987;
 * on more than {@value #SILHOUETTE_SAMPLE} voxels, on a seeded random sample of that many voxels, as
 * scikit-learn's {@code sample_size}); ties keep the smaller K. The whole curve is returned.
 *
 * <p>Data layout: rows {@code [voxel][feature]}, already standardised (see {@link
 * FeatureStandardizer}).
 */
public final class HabitatClustering {

  /** Silhouette sample size for large inputs. */
  public static final int SILHOUETTE_SAMPLE = 3000;

  /** How K is chosen. */
  public enum KSelection {
    /** K = {@link Options#k()}. */
    FIXED,
    /** Maximum Calinski–Harabasz index over [kMin, kMax]. */
    CALINSKI_HARABASZ,
    /** Maximum mean silhouette over [kMin, kMax]. */
    SILHOUETTE;

    /**
     * By name, case-insensitive: "fixed", "calinski-harabasz" (or "ch"), "silhouette".
     *
     * @throws IllegalArgumentException for another name
     */
    public static KSelection byName(String name) {
      String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "")
          .replace("_", "").replace(" ", "");
      switch (n) {
        case "fixed":
          return FIXED;
        case "calinskiharabasz":
        case "ch":
          return CALINSKI_HARABASZ;
        case "silhouette":
          return SILHOUETTE;
        default:
          throw new IllegalArgumentException("unknown K selection '" + name
              + "'; use one of: fixed, calinski-harabasz, silhouette");
      }
    }
  }

  /**
   * Options (immutable; use the {@code with...} methods).
   *
   * @param k number of habitats for {@link KSelection#FIXED} (≥ 2)
   * @param restarts k-means++ restarts (≥ 1)
   * @param seed random seed, recorded in the result
   * @param maxIter maximum Lloyd iterations per restart
   * @param tol convergence tolerance relative to the mean feature variance (scikit-learn's)
   * @param selection how K is chosen
   * @param kMin smallest K tried by a selection criterion
   * @param kMax largest K tried
   */
  public record Options(int k, int restarts, long seed, int maxIter, double tol,
      KSelection selection, int kMin, int kMax) {

    /**
     * K = 6, 20 restarts (see the class Javadoc), seed 0, 300 iterations, tol 0 (iterate until the
     * distortion stops decreasing), fixed K, range 3–9.
     */
    public static final Options DEFAULT = new Options(6, 20, 0L, 300, 0, KSelection.FIXED,
        3, 9);

    /** @throws IllegalArgumentException on an invalid value */
    public Options {
      if (k < 2) {
        throw new IllegalArgumentException("the number of habitats K must be >= 2, got " + k);
      }
      if (restarts < 1 || maxIter < 1) {
        throw new IllegalArgumentException("restarts and maxIter must be >= 1");
      }
      if (kMin < 2 || kMax < kMin) {
        throw new IllegalArgumentException("K range must satisfy 2 <= kMin <= kMax, got "
            + kMin + ".." + kMax);
      }
      if (selection == null) {
        throw new IllegalArgumentException("K selection must be given");
      }
      if (!(tol >= 0)) {
        throw new IllegalArgumentException("tol must be >= 0, got " + tol);
      }
    }

    public Options withK(int newK) {
      return new Options(newK, restarts, seed, maxIter, tol, selection, kMin, kMax);
    }

    public Options withSeed(long newSeed) {
      return new Options(k, restarts, newSeed, maxIter, tol, selection, kMin, kMax);
    }

    public Options withRestarts(int n) {
      return new Options(k, n, seed, maxIter, tol, selection, kMin, kMax);
    }

    public Options withSelection(KSelection s, int lo, int hi) {
      return new Options(k, restarts, seed, maxIter, tol, s, lo, hi);
    }
  }

  /**
   * A clustering.
   *
   * @param labels habitat 1..k per row (canonical numbering)
   * @param k number of habitats
   * @param centroids {@code [habitat-1][feature]}, means of the rows of each habitat
   * @param sizes voxels per habitat, {@code [habitat-1]}
   * @param wcss within-cluster sum of squared distances
   * @param options options used (seed included)
   * @param curveK the K values tried (only K itself for a fixed K)
   * @param curve the criterion per K tried (WCSS for fixed K, else the index)
   */
  public record Result(int[] labels, int k, double[][] centroids, int[] sizes, double wcss,
      Options options, int[] curveK, double[] curve) {}

  private HabitatClustering() {}

  /**
   * Clusters the rows.
   *
   * @param rows {@code [voxel][feature]}, finite values
   * @param options options
   * @param progress progress and cancellation ({@link Progress#NONE} for none)
   * @return the best clustering, canonically numbered
   * @throws IllegalArgumentException if there are fewer distinct rows than K (or kMin)
   * @throws org.habitatj.core.progress.CanceledException if cancelled
   */
  public static Result cluster(double[][] rows, Options options, Progress progress) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no voxels to cluster");
    }
    int distinct = distinctRows(rows, options.kMax() + options.k());
    if (options.selection() == KSelection.FIXED) {
      requireDistinct(distinct, options.k());
      Result r = fixedK(rows, new Fit(rows), options.k(), options, progress, 0, 1);
      return new Result(r.labels, r.k, r.centroids, r.sizes, r.wcss, options,
          new int[] {options.k()}, new double[] {r.wcss});
    }
    requireDistinct(distinct, options.kMin());
    Fit fit = new Fit(rows);
    int hi = Math.min(options.kMax(), distinct);
    int n = hi - options.kMin() + 1;
    int[] ks = new int[n];
    double[] curve = new double[n];
    Result best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int k = options.kMin() + i;
      progress.status("K-means: K = " + k);
      Result r = fixedK(rows, fit, k, options, progress, i, n);
      double v = options.selection() == KSelection.CALINSKI_HARABASZ
          ? calinskiHarabasz(rows, r.labels, r.k) : silhouette(rows, r.labels, options.seed());
      ks[i] = k;
      curve[i] = v;
      if (best == null || v > bestValue) {
        best = r;
        bestValue = v;
      }
    }
    return new Result(best.labels, best.k, best.centroids, best.sizes, best.wcss, options, ks,
        curve);
  }

  private static void requireDistinct(int distinct, int k) {
    if (distinct < k) {
      throw new IllegalArgumentException("only " + distinct
          + " distinct feature vectors, fewer than K = " + k + ": cannot form K habitats");
    }
  }

  /**
   * What Smile clusters: the rows without their all-zero columns, and one BBD tree over them shared
   * by all restarts (and all K). Standardisation maps a constant feature (e.g. the shape features
   * of equal-sized windows) to exactly 0; such a column adds exactly 0 to every sum Smile computes
   * (its centroid entries are sums of zeros), so dropping it changes no distance, no random draw of
   * the k-means++ seeding and no partition. The tree is only read by {@code
   * BBDTree.clustering} (its nodes are written only while it is built), so restarts on several
   * threads can share it; results are those of {@code KMeans.fit(data, k, maxIter, tol)}, which
   * builds the same tree for each call.
   */
  private static final class Fit {
    final double[][] data;
    final BBDTree tree;

    Fit(double[][] rows) {
      int p = rows[0].length;
      boolean[] keep = new boolean[p];
      int kept = 0;
      for (int j = 0; j < p; j++) {
        for (double[] r : rows) {
          if (r[j] != 0) {
            keep[j] = true;
            kept++;
            break;
          }
        }
      }
      if (kept == p || kept == 0) {
        data = rows;
      } else {
        data = new double[rows.length][kept];
        for (int i = 0; i < rows.length; i++) {
          double[] r = rows[i];
          double[] d = data[i];
          for (int j = 0, q = 0; j < p; j++) {
            if (keep[j]) {
              d[q++] = r[j];
            }
          }
        }
      }
      tree = new BBDTree(data);
    }
  }

  private static Result fixedK(double[][] rows, Fit fit, int k, Options o, Progress progress,
      int step, int steps) {
    SplittableRandom seeds = new SplittableRandom(o.seed());
    long[] restartSeed = new long[o.restarts()];
    for (int r = 0; r < restartSeed.length; r++) {
      restartSeed[r] = seeds.nextLong();
    }
    int[][] ys = new int[o.restarts()][];
    double[] ws = new double[o.restarts()];
    // tol 0 would never stop Smile before maxIter on floating-point noise: floor at 1e-12
    double tolAbs = Math.max(1e-12, o.tol() * rows.length * meanVariance(rows));
    // Restarts run in parallel; each task seeds Smile's thread-local generator on its own thread
    // right before its fit, and Smile draws random numbers only on the calling thread (k-means++
    // seeding), so every restart's partition is the same whichever thread runs it.
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    java.util.stream.IntStream.range(0, o.restarts()).parallel().forEach(r -> {
      progress.checkCanceled();
      MathEx.setSeed(restartSeed[r]);
      ys[r] = KMeans.fit(fit.tree, fit.data, k, o.maxIter(), tolAbs).y.clone();
      ws[r] = wcss(rows, ys[r], k);
      progress.fraction((step + done.incrementAndGet() / (double) o.restarts()) / steps);
    });
    int best = 0;
    for (int r = 1; r < ws.length; r++) {
      if (ws[r] < ws[best]) {
        best = r;
      }
    }
    return canonical(rows, ys[best], k, ws[best]);
  }

  private static double meanVariance(double[][] rows) {
    int n = rows.length;
    int p = rows[0].length;
    double total = 0;
    for (int j = 0; j < p; j++) {
      double m = 0;
      for (double[] r : rows) {
        m += r[j];
      }
      m /= n;
      double v = 0;
      for (double[] r : rows) {
        v += (r[j] - m) * (r[j] - m);
      }
      total += v / n;
    }
    return total / p;
  }

  /** Renumbers clusters 0..k-1 into habitats 1..K (see class Javadoc). */
  static Result canonical(double[][] rows, int[] y, int k, double wcss) {
    int p = rows[0].length;
    double[][] c = centroids(rows, y, k);
    int[] size = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int i = 0; i < y.length; i++) {
      size[y[i]]++;
      first[y[i]] = Math.min(first[y[i]], i);
    }
    Integer[] order = new Integer[k];
    int kk = 0;
    for (int j = 0; j < k; j++) {
      if (size[j] > 0) {
        order[kk++] = j;
      }
    }
    Integer[] used = Arrays.copyOf(order, kk);
    Arrays.sort(used, (a, b) -> {
      int cmp = Double.compare(p == 0 ? 0 : c[a][0], p == 0 ? 0 : c[b][0]);
      if (cmp != 0) {
        return cmp;
      }
      cmp = Integer.compare(size[b], size[a]);
      return cmp != 0 ? cmp : Integer.compare(first[a], first[b]);
    });
    int[] newId = new int[k];
    double[][] cc = new double[kk][];
    int[] ss = new int[kk];
    for (int h = 0; h < kk; h++) {
      newId[used[h]] = h + 1;
      cc[h] = c[used[h]];
      ss[h] = size[used[h]];
    }
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = newId[y[i]];
    }
    return new Result(labels, kk, cc, ss, wcss, null, null, null);
  }

  /** Mean row per cluster, {@code [cluster][feature]}, for 0-based labels. */
  static double[][] centroids(double[][] rows, int[] y, int k) {
    int p = rows[0].length;
    double[][] c = new double[k][p];
    int[] n = new int[k];
    for (int i = 0; i < rows.length; i++) {
      n[y[i]]++;
      double[] ci = c[y[i]];
      double[] r = rows[i];
      for (int j = 0; j < p; j++) {
        ci[j] += r[j];
      }
    }
    for (int h = 0; h < k; h++) {
      for (int j = 0; j < p; j++) {
        c[h][j] = n[h] == 0 ? 0 : c[h][j] / n[h];
      }
    }
    return c;
  }

  /**
   * Within-cluster sum of squared Euclidean distances to the cluster means.
   *
   * @param rows {@code [voxel][feature]}
   * @param y cluster per row, 0-based (0..k-1)
   * @param k number of clusters
   */
  public static double wcss(double[][] rows, int[] y, int k) {
    double[][] c = centroids(rows, y, k);
    double w = 0;
    for (int i = 0; i < rows.length; i++) {
      w += squaredDistance(rows[i], c[y[i]]);
    }
    return w;
  }

  /**
   * Calinski–Harabasz index: [B/(k−1)] / [W/(n−k)], B the between-cluster and W the within-cluster
   * sum of squares; +∞ when W = 0.
   *
   * @param labels habitat per row, 1..k
   */
  public static double calinskiHarabasz(double[][] rows, int[] labels, int k) {
    int n = rows.length;
    int p = rows[0].length;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = labels[i] - 1;
    }
    double[][] c = centroids(rows, y, k);
    double[] mean = new double[p];
    for (double[] r : rows) {
      for (int j = 0; j < p; j++) {
        mean[j] += r[j] / n;
      }
    }
    int[] sz = new int[k];
    for (int v : y) {
      sz[v]++;
    }
    double b = 0;
    for (int h = 0; h < k; h++) {
      b += sz[h] * squaredDistance(c[h], mean);
    }
    double w = 0;
    for (int i = 0; i < n; i++) {
      w += squaredDistance(rows[i], c[y[i]]);
    }
    if (w == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return (b / (k - 1)) / (w / (n - k));
  }

  /**
   * Mean silhouette width (Euclidean distances; a voxel alone in its cluster scores 0, as
   * scikit-learn). On more than {@value #SILHOUETTE_SAMPLE} rows, the mean over a random sample of
   * that many rows (seeded), distances still to all rows of the sample.
   *
   * @param labels habitat per row, 1..k
   * @param seed seed of the sample
   */
  public static double silhouette(double[][] rows, int[] labels, long seed) {
    int n = rows.length;
    int[] idx;
    if (n > SILHOUETTE_SAMPLE) {
      idx = new SplittableRandom(seed).ints(0, n).distinct().limit(SILHOUETTE_SAMPLE).sorted()
          .toArray();
    } else {
      idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
    }
    int k = 0;
    for (int i : idx) {
      k = Math.max(k, labels[i]);
    }
    int[] count = new int[k + 1];
    for (int i : idx) {
      count[labels[i]]++;
    }
    double total = 0;
    double[] sum = new double[k + 1];
    for (int a : idx) {
      Arrays.fill(sum, 0);
      for (int b : idx) {
        if (a != b) {
          sum[labels[b]] += Math.sqrt(squaredDistance(rows[a], rows[b]));
        }
      }
      int own = labels[a];
      if (count[own] <= 1) {
        continue;
      }
      double ai = sum[own] / (count[own] - 1);
      double bi = Double.POSITIVE_INFINITY;
      for (int h = 1; h <= k; h++) {
        if (h != own && count[h] > 0) {
          bi = Math.min(bi, sum[h] / count[h]);
        }
      }
      double m = Math.max(ai, bi);
      total += m == 0 || bi == Double.POSITIVE_INFINITY ? 0 : (bi - ai) / m;
    }
    return total / idx.length;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }

  /** Number of distinct rows, counting stops once it reaches {@code cap}. */
  static int distinctRows(double[][] rows, int cap) {
    Set<RowKey> seen = new HashSet<>();
    for (double[] r : rows) {
      seen.add(new RowKey(r));
      if (seen.size() >= cap) {
        break;
      }
    }
    return seen.size();
  }

  private record RowKey(double[] r) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey k && Arrays.equals(r, k.r);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(r);
    }
  }
}
