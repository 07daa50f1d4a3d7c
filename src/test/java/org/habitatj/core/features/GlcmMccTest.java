package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
   * [1/2,0,1/2]] with eigenvalues 1, 1, 0 (connected but bipartite: C has ±1): MCC = 1 through the
   * eigen-solver path.
   */
  @Test
  void bipartitePathHasMccOne() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, 0, 3, 3);
    assertEquals(1.0, Glcm.mcc(w), 1e-12);
  }

  /** Two blocks {1,2} and {3}: disconnected, so Q has the eigenvalue 1 twice and MCC = 1. */
  @Test
  void disconnectedLevelsGiveOne() {
    Glcm.Workspace w = new Glcm.Workspace(3);
    w.load(new double[] {2, 1, 0, 1, 0, 0, 0, 0, 2}, 0, 3, 3);
    assertEquals(1.0, Glcm.mcc(w), 0.0);
  }
}
