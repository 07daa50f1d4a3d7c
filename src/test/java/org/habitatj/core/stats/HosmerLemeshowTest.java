package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HosmerLemeshowTest {
  @Test
  void handComputedFiveGroups() {
    // yhat = 0.05..0.95 step 0.1, g = 5. Type-7 quantiles (h = 9p): 0.05, 0.23, 0.41, 0.59, 0.77,
    // 0.95 -> groups of two: {.05,.15} {.25,.35} {.45,.55} {.65,.75} {.85,.95}
    // y per group: (0,0) (1,0) (0,1) (1,0) (1,1)
    // contributions (O1-E1)^2/E1 + (O0-E0)^2/E0:
    //  g1: .04/.2 + .04/1.8 = 0.2222222; g2: .16/.6 + .16/1.4 = 0.3809524; g3: 0;
    //  g4: .16/1.4 + .16/.6 = 0.3809524; g5: .04/1.8 + .04/.2 = 0.2222222 -> 1.2063492
    // df 3, p = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2) = 0.7514819
    double[] yhat = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
    int[] y = {0, 0, 1, 0, 0, 1, 1, 0, 1, 1};
    HosmerLemeshow.Result r = HosmerLemeshow.test(y, yhat, 5);
    assertArrayEquals(new double[] {0.05, 0.23, 0.41, 0.59, 0.77, 0.95}, r.breaks(), 1e-12);
    assertArrayEquals(new int[] {2, 2, 2, 2, 2}, r.count());
    assertEquals(1.2063492063, r.chiSquare(), 1e-9);
    assertEquals(3, r.df());
    assertEquals(0.751481916, r.p(), 1e-8);
  }

  @Test
  void tiesMergeGroupsButDfStaysGMinusTwo() {
    // yhat = 0.2 x5, 0.8 x5; type-7 deciles (h = 9p): p<=0.4 -> 0.2, p=0.5 -> 0.2+0.5*0.6 = 0.5,
    // p>=0.6 -> 0.8 -> breaks {0.2, 0.5, 0.8}: 2 groups [0.2,0.5] and (0.5,0.8]
    // group 1: y (0,0,1,1,0): O1 2, E1 1.0, O0 3, E0 4.0 -> 1/1 + 1/4 = 1.25
    // group 2: y (1,1,1,0,1): O1 4, E1 4.0, O0 1, E0 1.0 -> 0
    double[] yhat = {0.2, 0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8, 0.8};
    int[] y = {0, 0, 1, 1, 0, 1, 1, 1, 0, 1};
    HosmerLemeshow.Result r = HosmerLemeshow.test(y, yhat, 10);
    assertEquals(2, r.groups());
    assertEquals(8, r.df());
    assertEquals(1.25, r.chiSquare(), 1e-12);
  }
}
