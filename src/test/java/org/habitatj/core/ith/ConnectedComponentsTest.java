package org.habitatj.core.ith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  @Test
  void twoDConnectivities() {
    // 1 0 1
    // 0 1 0
    // 1 0 1   4-conn: 5 regions; 8-conn: 1 region of 5
    byte[] m = {1, 0, 1, 0, 1, 0, 1, 0, 1};
    assertEquals(5, ConnectedComponents.label(m, 3, 3, 1, Connectivity.FOUR).count());
    ConnectedComponents c8 = ConnectedComponents.label(m, 3, 3, 1, Connectivity.EIGHT);
    assertEquals(1, c8.count());
    assertEquals(5, c8.size(1));
  }

  @Test
  void uShapeMergesAndNumbersInScanOrder() {
    // 1 0 1 0 2
    // 1 0 1 0 0
    // 1 1 1 0 2   label-1 U is one region (merge at the bottom), two label-2 singletons
    int[] l = {1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0, 2};
    ConnectedComponents c = ConnectedComponents.label(l, 5, 3, 1, Connectivity.FOUR);
    assertEquals(3, c.count());
    assertArrayEquals(new int[] {1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0, 3}, c.regions());
    assertEquals(7, c.size(1));
    assertEquals(1, c.labelOf(1));
    assertEquals(2, c.labelOf(2));
  }

  @Test
  void threeDConnectivities() {
    // 2x2x2, voxels (0,0,0) and (1,1,1) only: corner neighbours.
    byte[] m = new byte[8];
    m[0] = 1;
    m[7] = 1;
    assertEquals(2, ConnectedComponents.label(m, 2, 2, 2, Connectivity.SIX).count());
    assertEquals(1, ConnectedComponents.label(m, 2, 2, 2, Connectivity.TWENTY_SIX).count());
    assertEquals(2, ConnectedComponents.label(m, 2, 2, 2, Connectivity.EIGHT).count());
    // (0,0,0) and (0,0,1): face neighbours across slices, joined in 3D only
    byte[] f = new byte[8];
    f[0] = 1;
    f[4] = 1;
    assertEquals(1, ConnectedComponents.label(f, 2, 2, 2, Connectivity.SIX).count());
    assertEquals(2, ConnectedComponents.label(f, 2, 2, 2, Connectivity.EIGHT).count());
    // edge neighbour across slices and +y: (0,0,0) & (0,1,1) -> 26 joins, 6 does not
    byte[] e = new byte[8];
    e[0] = 1;
    e[6] = 1;
    assertEquals(1, ConnectedComponents.label(e, 2, 2, 2, Connectivity.TWENTY_SIX).count());
    assertEquals(2, ConnectedComponents.label(e, 2, 2, 2, Connectivity.SIX).count());
  }

  @Test
  void noWrapAroundAtRowEnds() {
    // 3x2: (2,0) and (0,1) are consecutive in memory but not neighbours
    byte[] m = {0, 0, 1, 1, 0, 0};
    assertEquals(2, ConnectedComponents.label(m, 3, 2, 1, Connectivity.EIGHT).count());
  }
}
