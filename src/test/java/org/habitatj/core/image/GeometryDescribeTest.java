package org.habitatj.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeometryDescribeTest {

  /** Numbers in error messages keep their exponent (a bug once printed 2.0e-10 as "2e-1"). */
  @Test
  void describeFormatsNumbersExactly() {
    Geometry g = new Geometry(new int[] {2, 3, 4}, new double[] {0.7, 100, 2.5},
        new double[] {-57.6854367, 2.003351e-10, 1e20},
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    assertEquals("size 2×3×4, spacing (0.7, 100, 2.5) mm, origin (-57.6854367, 2.003351e-10,"
        + " 1e+20) mm LPS, direction [1, 0, 0, 0, 1, 0, 0, 0, 1]", g.describe());
  }

  /** -0 (a direction cosine of a flipped NIfTI qform, an origin -0.0) prints as 0, not "-0". */
  @Test
  void negativeZeroPrintsAsZero() {
    Geometry g = new Geometry(new int[] {2, 3, 4}, new double[] {1, 1, 1},
        new double[] {-0.0, 0, -1.5}, new double[] {1, -0.0, -0.0, -0.0, -1, 0, 0, 0, 1});
    assertEquals("size 2×3×4, spacing (1, 1, 1) mm, origin (0, 0, -1.5) mm LPS, direction [1, 0,"
        + " 0, 0, -1, 0, 0, 0, 1]", g.describe());
  }
}
