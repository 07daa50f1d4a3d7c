package org.habitatj.core.habitat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LloydKMeansTest {

  @Test
  void hamerlyBoundsGiveExactlyLloyd() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + rnd.nextInt(400);
      int p = 1 + rnd.nextInt(8);
      int k = 2 + rnd.nextInt(7);
      double[] x = new double[n * p];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextGaussian() + (i / p % 3) * 0.7;
      }
      double[] c = LloydKMeans.seed(x, n, p, k, new SplittableRandom(trial));
      LloydKMeans.Fit a = LloydKMeans.lloyd(x, n, p, k, c.clone(), 300, 0, true);
      LloydKMeans.Fit b = LloydKMeans.lloyd(x, n, p, k, c.clone(), 300, 0, false);
      assertArrayEquals(b.y(), a.y(), "trial " + trial);
    }
  }
}
