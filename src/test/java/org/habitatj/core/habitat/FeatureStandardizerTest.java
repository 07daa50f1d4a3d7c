package org.habitatj.core.habitat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.habitat.FeatureStandardizer.Method;
import org.junit.jupiter.api.Test;

class FeatureStandardizerTest {

  @Test
  void minMaxAsScikitLearn() {
    double[][] c = {{2, 4, 6, 10}, {5, 5, 5, 5}};
    double[][] s = FeatureStandardizer.standardize(c, Method.MIN_MAX, null);
    // (x - 2) / 8
    assertArrayEquals(new double[] {0, 0.25, 0.5, 1}, s[0], 1e-15);
    // constant column -> 0 (scikit-learn: scale 1)
    assertArrayEquals(new double[] {0, 0, 0, 0}, s[1], 0);
    assertEquals(2.0, c[0][0]); // input not modified
    double[][] twice = FeatureStandardizer.ithscoreScaling(c, null);
    assertArrayEquals(new double[] {0, 0.25, 0.5, 1}, twice[0], 1e-15);
  }

  @Test
  void zScorePopulationSd() {
    // mean 2.5, population sd sqrt(1.25)
    double[][] s = FeatureStandardizer.standardize(new double[][] {{1, 2, 3, 4}}, Method.Z_SCORE,
        null);
    double sd = Math.sqrt(1.25);
    assertArrayEquals(new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, s[0], 1e-15);
  }

  @Test
  void namesAndErrors() {
    assertEquals(Method.MIN_MAX, FeatureStandardizer.byName("Min-Max"));
    assertEquals(Method.Z_SCORE, FeatureStandardizer.byName("zscore"));
    assertEquals(Method.NONE, FeatureStandardizer.byName("none"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureStandardizer.byName("robust"));
    assertTrue(e.getMessage().contains("minmax, zscore, none"));
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> FeatureStandardizer.standardize(new double[][] {{1, Double.NaN}}, Method.MIN_MAX,
            new String[] {"original_glcm_MCC"}));
    assertTrue(n.getMessage().contains("'original_glcm_MCC'"), n.getMessage());
  }
}
