package org.habitatj.core.features;

/** Eigenvalues of small symmetric matrices by cyclic Jacobi rotations (accurate to rounding). */
final class SymmetricEigen {

  private SymmetricEigen() {}

  /**
   * Eigenvalues (unsorted) of a symmetric n×n matrix.
   *
   * @param m row-major n×n symmetric matrix (not modified)
   * @param n size
   */
  static double[] eigenvalues(double[] m, int n) {
    double[] a = m.clone();
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p * n + q] * a[p * n + q];
        }
      }
      if (off == 0) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p * n + q];
          if (apq == 0) {
            continue;
          }
          double app = a[p * n + p];
          double aqq = a[q * n + q];
          double theta = (aqq - app) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k * n + p];
            double akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p * n + k];
            double aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
          }
          a[p * n + q] = 0;
          a[q * n + p] = 0;
        }
      }
    }
    double[] ev = new double[n];
    for (int i = 0; i < n; i++) {
      ev[i] = a[i * n + i];
    }
    return ev;
  }
}
