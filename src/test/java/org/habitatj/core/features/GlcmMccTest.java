package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed MCC cases for the deflated / disconnected paths of {@link Glcm#mcc}. */
class GlcmMccTest {

  /**
   * Symmetric counts [[2,1],[1,0]], total 4: p = [[1/2,1/4],[1/4,0]], px = py = (3/4, 1/4).
   * Q(1,1) = (1/4)/(9/16) + (1/16)/(3/16) = 4/9 + 1/3 = 7/9; Q(2,2) = (1/16)/(3/16) = 1/3;
   * trace Q = 10/9 = 1 + λ2, so λ2 = 1/9 and MCC = 1/3.
   */
  @Test
  void twoLevels() {
    Glcm.Workspace w = new Glcm.Workspace(2);
    w.load(new double[] {2, 1, 1, 0}, 0, 2, 2);
    assertEquals(1.0 / 3.0, Glcm.mcc(w), 1e-14);
  }

  /**
   * A path 1–2–3: counts [[0,1,0],[1,0,1],[0,1,0]], total 4, px = py = (1/4, 1/2, 1/4). C =
   * p/√(px py) has C(1,2) = C(2,3) = (1/4)/√(1/8) = 1/√2, so Q = C² = [[1/2,0,1/2],[0,1,0],
   * [1/2,0,1/2]] with eigenvalues 1, 1, 0 (connected but bipartite: C has ±1): MCC = 1, exactly,
   * from the graph check of the symmetric path (no eigen-solve).
   */
  @Test
  void bipartitePathHasMccOne() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, 0, 3, 3);
    assertEquals(1.0, Glcm.mcc(w), 0.0);
  }

  /**
   * Cycles without self-pairs. A 4-cycle 1–2–3–4–1 (each pair counted once each way, d = 1/4 for
   * every level) gives C = adjacency/2 with eigenvalues 1, 0, 0, −1: bipartite, MCC = 1 exactly.
   * A triangle 1–2–3 gives C = [[0,½,½],[½,0,½],[½,½,0]] with eigenvalues 1, −½, −½: odd cycle,
   * not bipartite, MCC = ½ through the eigen-solver.
   */
  @Test
  void evenCycleIsBipartiteOddCycleIsNot() {
    Glcm.Workspace w = new Glcm.Workspace(4);
    w.load(new double[] {0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0}, 0, 4, 4);
    assertEquals(1.0, Glcm.mcc(w), 0.0);
    assertEquals(1.0, Glcm.mcc(w, false), 0.0);
    w.load(new double[] {0, 1, 1, 1, 0, 1, 1, 1, 0}, 0, 3, 3);
    assertEquals(0.5, Glcm.mcc(w), 1e-15);
    assertEquals(0.5, Glcm.mcc(w, false), 1e-14);
  }

  /** Two blocks {1,2} and {3}: disconnected, so Q has the eigenvalue 1 twice and MCC = 1. */
  @Test
  void disconnectedLevelsGiveOne() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {2, 1, 0, 1, 0, 0, 0, 0, 2}, 0, 3, 3);
    assertEquals(1.0, Glcm.mcc(w), 0.0);
  }

  /**
   * The two hand-computed symmetric cases above through the general C·Cᵀ path too (the default
   * takes the symmetric path C − uuᵀ for them): both give 1/3 and 1.
   */
  @Test
  void handCasesAgreeOnBothPaths() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {2, 1, 1, 0}, 0, 2, 2);
    assertEquals(1.0 / 3.0, Glcm.mcc(w, false), 1e-14);
    assertEquals(1.0 / 3.0, Glcm.mcc(w, true), 1e-15);
    w.load(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, 0, 3, 3);
    assertEquals(1.0, Glcm.mcc(w, false), 0.0);
    assertEquals(1.0, Glcm.mcc(w, true), 0.0);
  }

  /**
   * Three levels, symmetric counts [[2,1,0],[1,2,1],[0,1,2]], total 10, d = (3, 4, 3)/10. C =
   * D^-1/2 p D^-1/2 = [[2/3, 1/√12, 0], [1/√12, 1/2, 1/√12], [0, 1/√12, 2/3]]. The antisymmetric
   * vector (1, 0, −1) gives the eigenvalue 2/3; the other two solve λ² − (7/6)λ + (1/3 − 1/6) =
   * 0 on the symmetric subspace, i.e. λ = 1 and λ = 1/6. So MCC = max(2/3, 1/6) = 2/3.
   */
  @Test
  void threeLevelTridiagonalHandCase() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {2, 1, 0, 1, 2, 1, 0, 1, 2}, 0, 3, 3);
    assertEquals(2.0 / 3.0, Glcm.mcc(w, true), 1e-15);
    assertEquals(2.0 / 3.0, Glcm.mcc(w, false), 1e-14);
  }

  /**
   * Random symmetric count matrices (up to 30 levels, sparse and dense, connected or not, with
   * absent levels): the symmetric path equals the general C·Cᵀ path within 1e-9 absolute (the
   * general path takes a square root of an eigenvalue of C·Cᵀ, so its own error near MCC = 0 is
   * ~1e-8 relative; both are far inside the 1e-6 reference tolerance) and within 1e-12 relative
   * where MCC exceeds 0.01.
   */
  @Test
  void symmetricPathAgreesWithGeneralPathOnRandomGlcms() {
    Random r = new Random(4);
    int checked = 0;
    for (int trial = 0; trial < 2000; trial++) {
      int ng = 2 + r.nextInt(29);
      double density = r.nextDouble();
      double[] c = new double[ng * ng];
      for (int i = 0; i < ng; i++) {
        for (int j = 0; j <= i; j++) {
          // mostly near the diagonal, as for neighbouring grey levels
          double pr = Math.abs(i - j) <= 2 ? density : density * 0.2;
          if (r.nextDouble() < pr) {
            int n = 1 + r.nextInt(20);
            c[i * ng + j] += n;
            c[j * ng + i] += n;
          }
        }
      }
      Glcm.Workspace w = new Glcm.Workspace(ng);
      if (!w.load(c, 0, ng, ng)) {
        continue;
      }
      double gen = Glcm.mcc(w, false);
      double sym = Glcm.mcc(w, true);
      assertEquals(gen, sym, 1e-9, "trial " + trial);
      if (gen > 0.01) {
        assertEquals(gen, sym, 1e-12 * gen, "trial " + trial);
      }
      assertTrue(sym >= 0 && sym <= 1, "trial " + trial);
      checked++;
    }
    assertTrue(checked > 1500, "checked " + checked);
  }

  /**
   * The graph check for more than 64 levels (union-find instead of 64-bit masks): a 70-level path
   * 1–2–…–70 without self-pairs is bipartite (MCC exactly 1); one self-pair at level 35 makes an
   * odd closed walk, so MCC < 1, and the symmetric path equals the general C·Cᵀ path.
   */
  @Test
  void graphCheckBeyond64Levels() {
    int ng = 70;
    double[] c = new double[ng * ng];
    for (int i = 0; i + 1 < ng; i++) {
      c[i * ng + i + 1] = 1;
      c[(i + 1) * ng + i] = 1;
    }
    Glcm.Workspace w = new Glcm.Workspace(ng);
    w.load(c, 0, ng, ng);
    assertEquals(1.0, Glcm.mcc(w, true), 0.0);
    assertEquals(1.0, Glcm.mcc(w, false), 0.0);
    c[34 * ng + 34] = 2;
    w.load(c, 0, ng, ng);
    double sym = Glcm.mcc(w, true);
    assertTrue(sym < 1 - 1e-9, "MCC " + sym);
    assertEquals(Glcm.mcc(w, false), sym, 1e-9);
  }
}
