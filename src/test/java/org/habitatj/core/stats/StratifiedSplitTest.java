package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  @Test
  void studyDesignSplit() {
    // 52 benign + 68 malignant; 7:3 -> train round(36.4)=36 + round(47.6)=48 = 84, test 36
    int[] y = new int[120];
    for (int i = 52; i < 120; i++) {
      y[i] = 1;
    }
    StratifiedSplit.Result r = StratifiedSplit.split(y, 0.7, 2024);
    assertEquals(84, r.train().length);
    assertEquals(36, r.test().length);
    assertEquals(48, Arrays.stream(r.train()).map(i -> y[i]).sum());
    int[] all = IntStream.concat(Arrays.stream(r.train()), Arrays.stream(r.test())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 120).toArray(), all);
    StratifiedSplit.Result r2 = StratifiedSplit.split(y, 0.7, 2024);
    assertArrayEquals(r.train(), r2.train());
    StratifiedSplit.Result r3 = StratifiedSplit.split(y, 0.7, 2025);
    assertEquals(false, Arrays.equals(r.train(), r3.train()));
  }
}
