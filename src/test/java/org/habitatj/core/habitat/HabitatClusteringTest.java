package org.habitatj.core.habitat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.habitatj.core.habitat.HabitatClustering.KSelection;
import org.habitatj.core.habitat.HabitatClustering.Options;
import org.habitatj.core.progress.Progress;
import org.junit.jupiter.api.Test;

/** Case C17: seeded, thread-count independent, globally optimal on small 1-D inputs, canonical. */
class HabitatClusteringTest {

  static double[][] column(double... v) {
    double[][] r = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      r[i][0] = v[i];
    }
    return r;
  }

  /** Minimum WCSS over all partitions of sorted 1-D data into k contiguous runs (enumeration). */
  static double bestContiguous(double[] sorted, int k) {
    return best(sorted, 0, k);
  }

  private static double best(double[] s, int from, int k) {
    if (k == 1) {
      return ss(s, from, s.length);
    }
    double b = Double.POSITIVE_INFINITY;
    for (int end = from + 1; end <= s.length - (k - 1); end++) {
      b = Math.min(b, ss(s, from, end) + best(s, end, k - 1));
    }
    return b;
  }

  private static double ss(double[] s, int a, int b) {
    double m = 0;
    for (int i = a; i < b; i++) {
      m += s[i];
    }
    m /= (b - a);
    double r = 0;
    for (int i = a; i < b; i++) {
      r += (s[i] - m) * (s[i] - m);
    }
    return r;
  }

  @Test
  void oneDimensionalGlobalOptimumByEnumeration() {
    // In 1-D every optimal k-means partition consists of contiguous runs of the sorted values,
    // so enumerating all split points gives the global optimum.
    Random rnd = new Random(7);
    for (int trial = 0; trial < 25; trial++) {
      int n = 8 + rnd.nextInt(8);
      int k = 2 + rnd.nextInt(3);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = Math.round(rnd.nextGaussian() * 10 + (rnd.nextInt(3) * 15)) / 1.0 + i * 1e-3;
      }
      HabitatClustering.Result r = HabitatClustering.cluster(column(v),
          Options.DEFAULT.withK(k).withSeed(trial), Progress.NONE);
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      assertEquals(bestContiguous(sorted, k), r.wcss(), 1e-9, "trial " + trial);
      // canonical order: habitat h has all values below habitat h+1 (first feature ascending)
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (r.labels()[i] < r.labels()[j]) {
            assertTrue(v[i] < v[j]);
          }
        }
      }
    }
    // the 7-point kind of example of harthur/clustering #9: {1,2,3,9,10,11,30}, k = 3:
    // optimum {1,2,3} {9,10,11} {30}: WCSS 2 + 2 + 0 = 4
    HabitatClustering.Result r = HabitatClustering.cluster(column(1, 2, 3, 9, 10, 11, 30),
        Options.DEFAULT.withK(3), Progress.NONE);
    assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 3}, r.labels());
    assertEquals(4.0, r.wcss(), 1e-12);
  }

  @Test
  void multiFeatureDataGivesTheOptimumAndTheTrueBlobs() {
    // the 7-point example embedded in 2 features (second constant): k-means++ restarts must find
    // the optimum {1,2,3} {9,10,11} {30} (WCSS 2 + 2 + 0 = 4)
    double[][] rows = {{1, 0}, {2, 0}, {3, 0}, {9, 0}, {10, 0}, {11, 0}, {30, 0}};
    HabitatClustering.Result r = HabitatClustering.cluster(rows, Options.DEFAULT.withK(3),
        Progress.NONE);
    assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 3}, r.labels());
    assertEquals(4.0, r.wcss(), 1e-12);
    // four tight blobs (the blobs() data with deviations shrunk from sd 0.8 to 0.2; centres at
    // least 4 apart, so no point is nearer another centre): the partition is the blob membership
    double[][] b = blobs(100, 21);
    double[][] centres = {{0, 0, 0}, {4, 0, 1}, {0, 4, 2}, {4, 4, 3}};
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < 3; j++) {
        b[i][j] = centres[i % 4][j] + (b[i][j] - centres[i % 4][j]) * 0.25;
      }
    }
    int[] h = HabitatClustering.cluster(b, Options.DEFAULT.withK(4), Progress.NONE).labels();
    int[] truth = new int[b.length];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = i % 4;
    }
    assertEquals(1.0, PartitionAgreement.adjustedRand(h, truth), 1e-12);
  }

  static double[][] blobs(int perBlob, long seed) {
    Random rnd = new Random(seed);
    double[][] centres = {{0, 0, 0}, {4, 0, 1}, {0, 4, 2}, {4, 4, 3}};
    double[][] rows = new double[perBlob * centres.length][3];
    for (int i = 0; i < rows.length; i++) {
      double[] c = centres[i % centres.length];
      for (int j = 0; j < 3; j++) {
        rows[i][j] = c[j] + 0.8 * rnd.nextGaussian();
      }
    }
    return rows;
  }

  @Test
  void samePartitionForAnyThreadCountAndRun() throws Exception {
    double[][] rows = blobs(600, 3);
    Options o = Options.DEFAULT.withK(6).withSeed(12345);
    int[] a = HabitatClustering.cluster(rows, o, Progress.NONE).labels();
    int[] b = HabitatClustering.cluster(rows, o, Progress.NONE).labels();
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool four = new ForkJoinPool(4);
    try {
      int[] c = one.submit(() -> HabitatClustering.cluster(rows, o, Progress.NONE).labels()).get();
      int[] d = four.submit(() -> HabitatClustering.cluster(rows, o, Progress.NONE).labels())
          .get();
      assertArrayEquals(a, b);
      assertArrayEquals(a, c);
      assertArrayEquals(a, d);
    } finally {
      one.shutdown();
      four.shutdown();
    }
  }

  /**
   * The restarts share one BBD tree over the rows without their all-zero columns; each restart
   * must still be exactly Smile's own {@code KMeans.fit(rows, k, maxIter, tol)} (which builds its
   * own tree on all columns) with that restart's seed: same labels, same distortion to the last
   * bit, for every restart, with zero columns interleaved among the data columns.
   */
  @Test
  void sharedTreeWithoutZeroColumnsIsExactlySmilesFit() {
    double[][] blobs = blobs(400, 3);
    // interleave three all-zero columns (what standardisation makes of constant features)
    double[][] rows = new double[blobs.length][blobs[0].length + 3];
    for (int i = 0; i < rows.length; i++) {
      rows[i][1] = blobs[i][0];
      rows[i][3] = blobs[i][1];
      for (int j = 2; j < blobs[i].length; j++) {
        rows[i][j + 3] = blobs[i][j];
      }
    }
    Options o = Options.DEFAULT.withK(5).withSeed(777).withRestarts(6);
    HabitatClustering.Result ours = HabitatClustering.cluster(rows, o, Progress.NONE);
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(777);
    double tol = Math.max(1e-12, 0.0);
    double bestW = Double.POSITIVE_INFINITY;
    int[] bestY = null;
    for (int r = 0; r < 6; r++) {
      smile.math.MathEx.setSeed(seeds.nextLong());
      smile.clustering.KMeans km = smile.clustering.KMeans.fit(rows, 5, o.maxIter(), tol);
      double w = HabitatClustering.wcss(rows, km.y, 5);
      if (w < bestW) {
        bestW = w;
        bestY = km.y.clone();
      }
    }
    HabitatClustering.Result direct = HabitatClustering.canonical(rows, bestY, 5, bestW);
    assertArrayEquals(direct.labels(), ours.labels());
    assertEquals(bestW, ours.wcss(), 0.0);
  }

  @Test
  void canonicalNumberingIgnoresKmeansLabelsAndRowOrder() {
    // three well separated groups on the first feature at 10, 0, 5 (in that row order)
    double[][] rows = column(10, 10.1, 0, 0.1, 5, 5.1);
    HabitatClustering.Result r = HabitatClustering.cluster(rows, Options.DEFAULT.withK(3),
        Progress.NONE);
    assertArrayEquals(new int[] {3, 3, 1, 1, 2, 2}, r.labels());
    assertArrayEquals(new int[] {2, 2, 2}, r.sizes());
    assertEquals(0.05, r.centroids()[0][0], 1e-12);
    // ties on the first feature: larger cluster first. Feature 0 equal (=1) for all rows,
    // feature 1 separates a 3-row group at 0 and a 2-row group at 9.
    double[][] t = {{1, 9}, {1, 0}, {1, 9}, {1, 0}, {1, 0}};
    HabitatClustering.Result rt = HabitatClustering.cluster(t, Options.DEFAULT.withK(2),
        Progress.NONE);
    assertArrayEquals(new int[] {2, 1, 2, 1, 1}, rt.labels());
    // different seeds, same well-separated data: same canonical labels
    double[][] rows4 = blobs(50, 9);
    int[] l0 = HabitatClustering.cluster(rows4, Options.DEFAULT.withK(4).withSeed(1),
        Progress.NONE).labels();
    int[] l1 = HabitatClustering.cluster(rows4, Options.DEFAULT.withK(4).withSeed(99),
        Progress.NONE).labels();
    assertArrayEquals(l0, l1);
  }

  @Test
  void chooseKByCalinskiHarabaszAndSilhouette() {
    double[][] rows = blobs(40, 5); // 4 blobs
    for (KSelection s : new KSelection[] {KSelection.CALINSKI_HARABASZ, KSelection.SILHOUETTE}) {
      HabitatClustering.Result r = HabitatClustering.cluster(rows,
          Options.DEFAULT.withSelection(s, 2, 9), Progress.NONE);
      assertEquals(4, r.k(), s.name());
      assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8, 9}, r.curveK());
      assertEquals(8, r.curve().length);
      double max = Arrays.stream(r.curve()).max().getAsDouble();
      assertEquals(max, r.curve()[2], 0);
    }
    assertEquals(KSelection.CALINSKI_HARABASZ, KSelection.byName("Calinski-Harabasz"));
    assertEquals(KSelection.SILHOUETTE, KSelection.byName("silhouette"));
  }

  @Test
  void criteriaOnHandComputedExample() {
    // 1-D {0, 2, 10, 12}, clusters {0,2} {10,12}: W = 1+1+1+1 = 4; grand mean 6,
    // B = 2*(1-6)^2 + 2*(11-6)^2 = 100; CH = (100/1) / (4/2) = 50.
    double[][] rows = column(0, 2, 10, 12);
    int[] lab = {1, 1, 2, 2};
    assertEquals(50.0, HabitatClustering.calinskiHarabasz(rows, lab, 2), 1e-12);
    // silhouette: point 0: a = 2, b = (10+12)/2 = 11 -> 9/11; point 2: a = 2, b = 9 -> 7/9;
    // symmetric for 10 and 12 -> mean = (9/11 + 7/9)/2
    assertEquals((9.0 / 11 + 7.0 / 9) / 2, HabitatClustering.silhouette(rows, lab, 0), 1e-12);
  }

  @Test
  void tooFewDistinctVectorsIsAClearError() {
    double[][] rows = column(1, 1, 1, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HabitatClustering.cluster(rows, Options.DEFAULT.withK(3), Progress.NONE));
    assertEquals("only 2 distinct feature vectors, fewer than K = 3: cannot form K habitats",
        e.getMessage());
  }

  @Test
  void adjustedRandIndex() {
    // scikit-learn documentation examples
    assertEquals(1.0, PartitionAgreement.adjustedRand(new int[] {0, 0, 1, 1},
        new int[] {1, 1, 0, 0}), 1e-15);
    assertEquals(4.0 / 7, PartitionAgreement.adjustedRand(new int[] {0, 0, 1, 1},
        new int[] {0, 0, 1, 2}), 1e-15);
    // contingency [[1,1],[1,1]]: index 0, expected 2*2/6, max 2 -> -0.5
    assertEquals(-0.5, PartitionAgreement.adjustedRand(new int[] {0, 0, 1, 1},
        new int[] {0, 1, 0, 1}), 1e-15);
    assertEquals(0.0, PartitionAgreement.adjustedRand(new int[] {0, 0, 0, 0},
        new int[] {0, 1, 2, 3}), 1e-15);
  }
}
