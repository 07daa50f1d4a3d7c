package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.habitatj.core.features.TextureTestData.Npy;
import org.habitatj.core.features.TextureTestData.Prep;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.DirectionAggregation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlcmTest {

  /** PyRadiomics' reference matrix (normalised per angle, shape Ng × Ng × 13) equals ours. */
  @ParameterizedTest
  @ValueSource(strings = {"brain1", "breast1"})
  void matrixEqualsPyRadiomics(String c) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE));
    Npy ref = TextureTestData.readNpy(TextureTestData.BASELINE.resolve(c + "_glcm.npy"));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(c, Prep.defaults());
    int[][] angles = TextureAngles.generate(roi, new int[] {1}, false, 0, false);
    assertEquals(13, angles.length);
    double[] counts = Glcm.matrix(roi, angles, true);
    int ng = roi.ng();
    // PyRadiomics deletes grey levels absent from the ROI; all levels are present in both cases
    assertEquals(ng, Glcm.distinctLevels(roi));
    assertArrayEquals(new int[] {ng, ng, 13}, ref.shape());
    for (int a = 0; a < 13; a++) {
      double sum = 0;
      for (int k = 0; k < ng * ng; k++) {
        sum += counts[a * ng * ng + k];
      }
      for (int i = 0; i < ng; i++) {
        for (int j = 0; j < ng; j++) {
          double ours = counts[(a * ng + i) * ng + j] / sum;
          double theirs = ref.data()[(i * ng + j) * 13 + a];
          assertEquals(theirs, ours, 1e-15, "angle " + a + " (" + i + "," + j + ")");
        }
      }
    }
  }

  /**
   * Hand-computed 2D case (one slice, force2D, symmetric), image
   *
   * <pre>
   *   1 2
   *   2 2
   * </pre>
   *
   * In-plane offsets (PyRadiomics order, (dz,dy,dx)): (0,1,1), (0,1,0), (0,1,-1), (0,0,1).
   * Asymmetric pairs (centre→neighbour): a0 (dy=1,dx=1): (0,0)→(1,1): 1→2. a1 (dy=1): 1→2, 2→2.
   * a2 (dy=1,dx=-1): (0,1)→(1,0): 2→2. a3 (dx=1): 1→2, 2→2. Symmetrised matrices [[P11,P12],[P21,P22]]:
   * a0 = [[0,1],[1,0]], a1 = [[0,1],[1,2]], a2 = [[0,0],[0,2]], a3 = [[0,1],[1,2]].
   * Contrast per angle = Σ(i−j)²p: a0 = 1, a1 = 2/4 = 0.5, a2 = 0, a3 = 0.5 → mean 0.5.
   * JointEnergy: a0 = 0.25+0.25 = 0.5, a1 = (1+1+4)/16 = 0.375, a2 = 1, a3 = 0.375 → mean 0.5625.
   * JointAverage μx: a0 = (1·0.5 + 2·0.5) = 1.5, a1 = 1·0.25 + 2·0.75 = 1.75, a2 = 2, a3 = 1.75 → 1.75.
   * Correlation: a2 has σ = 0 → 1 (convention); a0: p=[[0,.5],[.5,0]], μ=1.5, σ=0.5,
   * cov = Σp(i−1.5)(j−1.5) = 2·0.5·(−0.5)(0.5) = −0.25 → −1; a1 = a3: μ=1.75, σ²=0.1875,
   * cov = 0.25·(−0.75)(0.25)·2 + 0.5·(0.25)² = −0.09375+0.03125 = −0.0625 → −1/3.
   * Mean = (−1 − 1/3 + 1 − 1/3)/4 = −1/6.
   * Merged (IBSI): counts [[0,3],[3,6]] /12: Contrast = 6/12 = 0.5, JointEnergy = (9+9+36)/144 = 0.375.
   */
  @Test
  void handComputed2D() {
    DiscretizedRoi roi = new DiscretizedRoi(new int[] {2, 2, 1}, new int[] {1, 2, 2, 2}, 2,
        new double[] {1, 1, 1});
    RadiomicsSettings s = RadiomicsSettings.builder().force2D(true).build();
    double[] f = new Glcm().compute(roi, s);
    assertEquals(0.5, f[idx("Contrast")], 1e-15);
    assertEquals(0.5625, f[idx("JointEnergy")], 1e-15);
    assertEquals(1.75, f[idx("JointAverage")], 1e-15);
    assertEquals(-1.0 / 6, f[idx("Correlation")], 1e-12);
    double[] m = new Glcm().compute(roi, s.toBuilder()
        .directionAggregation(DirectionAggregation.MERGED).build());
    assertEquals(0.5, m[idx("Contrast")], 1e-15);
    assertEquals(0.375, m[idx("JointEnergy")], 1e-15);
  }

  /** C06: 5×5×5 image all 50, central 3×3×3 ROI, binWidth 25 → one grey level. */
  @Test
  void flatRegionConventionsC06() {
    int[] levels = new int[27];
    java.util.Arrays.fill(levels, 1);
    DiscretizedRoi roi = new DiscretizedRoi(new int[] {3, 3, 3}, levels, 1, new double[] {1, 1, 1});
    double[] f = new Glcm().compute(roi, RadiomicsSettings.defaults());
    assertEquals(1.0, f[idx("JointEnergy")], 0);
    assertEquals(0.0, f[idx("JointEntropy")], 1e-14);
    assertEquals(0.0, f[idx("Contrast")], 0);
    assertEquals(1.0, f[idx("Idm")], 0);
    assertEquals(1.0, f[idx("Correlation")], 0);
    assertEquals(0.0, f[idx("Imc1")], 0);
    assertEquals(0.0, f[idx("Imc2")], 0);
    assertEquals(0.0, f[idx("ClusterShade")], 0);
    assertEquals(1.0, f[idx("MCC")], 0);
    for (double v : f) {
      assertEquals(false, Double.isNaN(v));
    }
  }

  /**
   * Voxel-mode convention: a flat window inside a ROI with several grey levels (global Ng = 3, 3
   * levels kept) has MCC 0, not 1 (PyRadiomics' Q matrix keeps the global levels).
   */
  @Test
  void flatWindowWithGlobalLevelsHasMccZero() {
    double[] counts = new double[9];
    counts[4] = 10; // only (2,2)
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(counts, 0, 3, 3);
    assertEquals(0.0, Glcm.mcc(w), 0);
    assertEquals(1.0, Glcm.correlation(w), 0);
    w.load(counts, 0, 3, 1);
    assertEquals(1.0, Glcm.mcc(w), 0);
  }

  static int idx(String name) {
    for (int i = 0; i < Glcm.FEATURES.size(); i++) {
      if (Glcm.FEATURES.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /**
   * The entropies from counts (log₂ n from a table) equal the literal PyRadiomics sums −Σ p
   * log₂(p + ε), p = n / total, within 1e-14 relative (each side sums up to 40 rounded terms), on
   * random count vectors (integer and
   * fractional counts, totals up to 10⁵, with zeros); and the two-level hand case p = (1/2, 1/2)
   * gives 1 − 2ε/ln 2.
   */
  @Test
  void entropiesFromCountsEqualTheLiteralSums() {
    java.util.Random r = new java.util.Random(11);
    double eps = Math.ulp(1.0);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + r.nextInt(40);
      double[] counts = new double[n];
      double total = 0;
      for (int k = 0; k < n; k++) {
        if (r.nextInt(4) > 0) {
          counts[k] = trial % 2 == 0 ? 1 + r.nextInt(trial < 250 ? 30 : 5000)
              : 0.5 + 100 * r.nextDouble();
          total += counts[k];
        }
      }
      if (total == 0) {
        continue;
      }
      double[] p = new double[n];
      double literal = 0;
      for (int k = 0; k < n; k++) {
        p[k] = counts[k] / total;
        if (p[k] != 0) {
          literal -= p[k] * Math.log(p[k] + eps) / Math.log(2);
        }
      }
      double fromCounts = Glcm.entropyOfCounts(p, counts, 0, n, Math.log(total) / Math.log(2));
      assertEquals(literal, fromCounts, 1e-14 * Math.max(1, literal), "trial " + trial);
    }
    double half = Glcm.entropyOfCounts(new double[] {0.5, 0.5}, new double[] {3, 3}, 0, 2,
        Math.log(6) / Math.log(2));
    assertEquals(1 - 2 * eps / Math.log(2), half, 1e-15);
  }
}
