package org.habitatj.core.ith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Pins our formula to the ITHscore package: the score computed from each of the package's own
 * label maps (4 cases × 5 seeds) equals the score the package reported for that map.
 */
class IthScoreReferenceTest {

  @Test
  void scoreOfEveryReferenceLabelMapMatchesExactly() throws Exception {
    assumeTrue(IthReference.available(), "../shared/reference/ithscore not present");
    int n = 0;
    for (String c : IthReference.CASES) {
      for (int s = 0; s <= 4; s++) {
        IthReference.LabelMap m = IthReference.labelMap(c, s);
        double ours = IthScore.score(m.labels(), m.width(), m.height(), 1);
        assertEquals(IthReference.score(c, s), ours, 1e-9, c + " seed " + s);
        n++;
      }
    }
    assertEquals(20, n);
  }
}
