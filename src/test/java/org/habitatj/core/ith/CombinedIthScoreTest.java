package org.habitatj.core.ith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CombinedIthScoreTest {

  @Test
  void handComputedLine() {
    // a 10x1 line, 4-connectivity; x: 0 1 2 3 4 5 6 7 8 9
    // joint labels:             0 1 1 1 2 2 1 1 2 0
    // ring = x 1,2,7,8; tumour = x 3..6.
    // Combined (S=8): h1 regions {1,2,3}(3) {6,7}(2) -> 3/2; h2 {4,5}(2) {8}(1, dropped) -> 2/1;
    //   ITH = 1 - 3.5/8 = 0.5625.
    // Ring only (S=4): h1 {1,2}(2) {7}(dropped) -> 2; h2 {8} dropped -> nothing; 1 - 2/4 = 0.5.
    // Tumour part (S=4): h1 {3},{6} dropped; h2 {4,5} -> 2; 1 - 2/4 = 0.5.
    int[] l = {0, 1, 1, 1, 2, 2, 1, 1, 2, 0};
    byte[] ring = {0, 1, 1, 0, 0, 0, 0, 1, 1, 0};
    CombinedIthScore.Result r = CombinedIthScore.compute(l, ring, 10, 1, 1,
        IthScore.Options.of(Connectivity.FOUR));
    assertEquals(0.5625, r.combined().score(), 1e-15);
    assertEquals(8, r.combined().tumourVoxels());
    assertEquals(0.5, r.ringOnly().score(), 1e-15);
    assertEquals(4, r.ringOnly().tumourVoxels());
    assertEquals(0.5, r.tumourPart().score(), 1e-15);
    // no ring voxel: ring-only absent
    CombinedIthScore.Result nr = CombinedIthScore.compute(l, new byte[10], 10, 1, 1,
        IthScore.Options.of(Connectivity.FOUR));
    assertNull(nr.ringOnly());
    assertEquals(0.5625, nr.combined().score(), 1e-15);
  }
}
