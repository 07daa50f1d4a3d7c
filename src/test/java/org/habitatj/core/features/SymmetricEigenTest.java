package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SymmetricEigen#largest} (Laguerre on the tridiagonal form), used by GLCM MCC. */
class SymmetricEigenTest {

  @Test
  void handComputedLargestEigenvalues() {
    SymmetricEigen e = new SymmetricEigen();
    // [[2,1],[1,2]]: eigenvalues 1 and 3
    assertEquals(3.0, e.largest(new double[] {2, 1, 1, 2}, 2), 1e-15);
    // second-difference matrix tridiag(-1, 2, -1), n = 3: eigenvalues 2 - √2, 2, 2 + √2
    assertEquals(2 + Math.sqrt(2),
        e.largest(new double[] {2, -1, 0, -1, 2, -1, 0, -1, 2}, 3), 1e-15);
    // n = 5: eigenvalues 2 − 2cos(kπ/6), largest 2 + √3
    double[] m = new double[25];
    for (int i = 0; i < 5; i++) {
      m[i * 5 + i] = 2;
      if (i > 0) {
        m[i * 5 + i - 1] = -1;
        m[(i - 1) * 5 + i] = -1;
      }
    }
    assertEquals(2 + Math.sqrt(3), e.largest(m, 5), 1e-14);
    // diag(0.25, 0, 0) (a rank-one deflated 3×3 with a double zero eigenvalue)
    assertEquals(0.25, e.largest(new double[] {0.25, 0, 0, 0, 0, 0, 0, 0, 0}, 3), 1e-16);
    assertEquals(0.0, e.largest(new double[] {0, 0, 0, 0}, 2), 0.0);
  }

  /** Random Gram matrices (PSD like MCC's), against the full QL decomposition, 1e-13 relative. */
  @Test
  void agreesWithFullDecomposition() {
    Random r = new Random(7);
    SymmetricEigen e = new SymmetricEigen();
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(25);
      double[] b = new double[n * n];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextDouble() < 0.6 ? 0 : r.nextDouble();
      }
      double[] s = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double v = 0;
          for (int k = 0; k < n; k++) {
            v += b[i * n + k] * b[j * n + k];
          }
          s[i * n + j] = v;
        }
      }
      double[] ev = Arrays.copyOf(new SymmetricEigen().eigenvalues(s, n), n);
      Arrays.sort(ev);
      double max = ev[n - 1];
      assertEquals(max, e.largest(s, n), 1e-13 * Math.max(1e-300, Math.abs(max)), "n=" + n);
    }
  }

  /**
   * {@link SymmetricEigen#largestAbs}: hand cases ([[0,1],[1,0]] has ±1; [[1,2],[2,1]] has 3
   * and −1; diag(−3, 2) gives 3 from the negative end) and random indefinite symmetric matrices
   * against the full QL decomposition, 1e-13 of the largest |eigenvalue|.
   */
  @Test
  void largestAbsoluteEigenvalue() {
    SymmetricEigen e = new SymmetricEigen();
    assertEquals(1.0, e.largestAbs(new double[] {0, 1, 1, 0}, 2), 1e-15);
    assertEquals(3.0, e.largestAbs(new double[] {1, 2, 2, 1}, 2), 1e-15);
    assertEquals(3.0, e.largestAbs(new double[] {-3, 0, 0, 2}, 2), 1e-15);
    assertEquals(0.5, e.largestAbs(new double[] {-0.5}, 1), 0);
    Random r = new Random(11);
    for (int trial = 0; trial < 500; trial++) {
      int n = 2 + r.nextInt(30);
      double[] s = new double[n * n];
      double[] lower = new double[n * n]; // the input (overwritten)
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double v = r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 2 - 1;
          s[i * n + j] = v;
          s[j * n + i] = v;
          lower[i * n + j] = v;
          lower[j * n + i] = v;
        }
      }
      double[] ev = Arrays.copyOf(new SymmetricEigen().eigenvalues(s, n), n);
      Arrays.sort(ev);
      double want = Math.max(ev[n - 1], -ev[0]);
      assertEquals(want, e.largestAbs(lower, n), 1e-13 * Math.max(1e-300, want), "n=" + n);
    }
  }
}
