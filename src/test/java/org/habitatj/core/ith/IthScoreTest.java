package org.habitatj.core.ith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Case C18: exact ITH values of small label maps (hand-computed from the ITHscore formula). */
class IthScoreTest {

  /** Embeds a 4×4 tumour map in a 6×6 array with a 0 frame, as in C18. */
  static int[] framed(int[][] t) {
    int[] a = new int[36];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        a[(y + 1) * 6 + x + 1] = t[y][x];
      }
    }
    return a;
  }

  static final int[][] L1 = {{1, 1, 2, 2}, {1, 1, 2, 2}, {1, 1, 2, 2}, {1, 1, 2, 2}};
  static final int[][] L2 = {{1, 1, 2, 2}, {1, 1, 2, 2}, {2, 2, 1, 1}, {2, 2, 1, 1}};
  static final int[][] L3 = {{1, 2, 1, 2}, {2, 1, 2, 1}, {1, 2, 1, 2}, {2, 1, 2, 1}};
  static final int[][] L4 = {{1, 1, 1, 1}, {1, 2, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}};

  static double ith(int[][] t, Connectivity c) {
    return IthScore.compute(framed(t), 6, 6, 1, IthScore.Options.of(c)).score();
  }

  @Test
  void c18HalvesIsZero() {
    // each habitat: one 8-pixel region; 1 - (8/1 + 8/1)/16 = 0
    assertEquals(0.0, ith(L1, Connectivity.EIGHT), 1e-15);
    assertEquals(0.0, ith(L1, Connectivity.FOUR), 1e-15);
  }

  @Test
  void c18Quadrants() {
    // 8-conn: diagonal quadrants join -> one 8-px region per habitat -> 0
    assertEquals(0.0, ith(L2, Connectivity.EIGHT), 1e-15);
    // 4-conn: two 4-px regions per habitat -> 1 - (4/2 + 4/2)/16 = 0.75
    assertEquals(0.75, ith(L2, Connectivity.FOUR), 1e-15);
  }

  @Test
  void c18Checkerboard() {
    // 8-conn: each colour is one diagonal chain of 8 -> 0
    assertEquals(0.0, ith(L3, Connectivity.EIGHT), 1e-15);
    // 4-conn: 16 singletons, all dropped -> 1 - 0/16 = 1
    assertEquals(1.0, ith(L3, Connectivity.FOUR), 1e-15);
    // without pruning: each habitat 8 regions of 1 -> 1 - (1/8 + 1/8)/16 = 1 - 1/64
    assertEquals(1 - 1.0 / 64, IthScore.compute(framed(L3), 6, 6, 1,
        IthScore.Options.of(Connectivity.FOUR).withoutPruning()).score(), 1e-15);
  }

  @Test
  void c18SingleOutlier() {
    // habitat 1: one 15-px region; habitat 2: one 1-px region, dropped -> 1 - 15/16
    assertEquals(0.0625, ith(L4, Connectivity.EIGHT), 1e-15);
    // no pruning: 1 - (15 + 1)/16 = 0
    assertEquals(0.0, IthScore.compute(framed(L4), 6, 6, 1,
        IthScore.Options.ITHSCORE_DEFAULT.withoutPruning()).score(), 1e-15);
  }

  @Test
  void labelPermutationAndNoBackgroundLabel() {
    for (int[][] t : new int[][][] {L1, L2, L3, L4}) {
      for (Connectivity c : Connectivity.values()) {
        double ref = ith(t, c);
        int[][] p = new int[4][4];
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 4; x++) {
            p[y][x] = t[y][x] == 1 ? 7 : 3; // permuted, non-consecutive labels
          }
        }
        assertEquals(ref, ith(p, c), 1e-15);
      }
    }
    // C18 (i): a map with no 0 at all must keep habitat 1 (the reference would drop it: 0.5)
    int[] noZero = new int[16];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        noZero[y * 4 + x] = L1[y][x];
      }
    }
    assertEquals(0.0, IthScore.score(noZero, 4, 4, 1), 1e-15);
  }

  @Test
  void c18BorderTumourSameAsShifted() {
    // L5: the quadrant map touching rows 0 and column 0 of a 7x7 image, and the same map moved
    // 3 px right and down: same score (0.75 with 4-conn, 0 with 8-conn).
    for (Connectivity c : new Connectivity[] {Connectivity.FOUR, Connectivity.EIGHT}) {
      int[] atBorder = new int[49];
      int[] moved = new int[49];
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
          atBorder[y * 7 + x] = L2[y][x];
          moved[(y + 3) * 7 + x + 3] = L2[y][x];
        }
      }
      IthScore.Options o = IthScore.Options.of(c);
      double a = IthScore.compute(atBorder, 7, 7, 1, o).score();
      assertEquals(IthScore.compute(moved, 7, 7, 1, o).score(), a, 0);
      assertEquals(c == Connectivity.FOUR ? 0.75 : 0.0, a, 1e-15);
    }
  }

  @Test
  void threeDModeJoinsSlices() {
    // two slices 2x2: slice 0 = [1,2;2,1], slice 1 = [2,1;1,2].
    // 4-conn per slice: every pixel is a singleton -> all dropped -> 1.
    // 6-conn 3D: habitat 1 voxels (0,0,0),(1,1,0),(1,0,1),(0,1,1): (0,0,0)-(0,0,1)? label there is 2.
    //   no face neighbours share a label -> 8 singletons -> 1 (pruned).
    // 26-conn: habitat 1 = 4 voxels all mutually corner/edge adjacent -> one region of 4, same
    //   for habitat 2 -> 1 - (4 + 4)/8 = 0.
    int[] l = {1, 2, 2, 1, 2, 1, 1, 2};
    assertEquals(1.0, IthScore.compute(l, 2, 2, 2, IthScore.Options.of(Connectivity.FOUR))
        .score(), 1e-15);
    assertEquals(1.0, IthScore.compute(l, 2, 2, 2, IthScore.Options.of(Connectivity.SIX))
        .score(), 1e-15);
    assertEquals(0.0, IthScore.compute(l, 2, 2, 2,
        IthScore.Options.of(Connectivity.TWENTY_SIX)).score(), 1e-15);
    // 8-conn per slice: habitat 1 in slice 0 = diagonal pair (one region of 2), slice 1 likewise;
    // habitat 1: n=2, A=2; habitat 2 the same -> 1 - (2/2 + 2/2)/8 = 0.75
    assertEquals(0.75, IthScore.compute(l, 2, 2, 2, IthScore.Options.of(Connectivity.EIGHT))
        .score(), 1e-15);
  }

  @Test
  void emptyMapIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IthScore.score(new int[9], 3, 3, 1));
    assertEquals("the habitat label map has no tumour voxel (all 0)", e.getMessage());
  }
}
