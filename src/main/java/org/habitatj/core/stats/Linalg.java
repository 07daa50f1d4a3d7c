package org.habitatj.core.stats;

/** Small dense linear algebra for symmetric positive-definite systems (package-private). */
final class Linalg {
  private Linalg() {}

  /**
   * Inverts a symmetric positive-definite matrix by Cholesky factorisation.
   *
   * @throws ArithmeticException if the matrix is not positive definite (singular design, e.g.
   *     collinear predictors or complete separation)
   */
  static double[][] spdInverse(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 1e-12 * Math.max(1, Math.abs(a[i][i])))) {
            throw new ArithmeticException(
                "matrix is singular or not positive definite (column " + i + ")");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    // inverse of L (lower triangular)
    double[][] li = new double[n][n];
    for (int i = 0; i < n; i++) {
      li[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i][k] * li[k][j];
        }
        li[i][j] = s / l[i][i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < n; k++) {
          s += li[k][i] * li[k][j];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  static double[] multiply(double[][] a, double[] v) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += a[i][j] * v[j];
      }
      r[i] = s;
    }
    return r;
  }

  static void checkLabels(int[] y) {
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(
            "outcome must be 0 or 1, found " + y[i] + " at row " + i);
      }
    }
  }
}
