package org.habitatj.core.features;

import java.util.Arrays;

/**
 * Shared arithmetic of the "grey level × size" matrices (GLRLM, GLSZM, GLDM): a matrix P(i,j) with
 * rows = grey levels 1..Ng and columns = run length / zone size / dependence size 1..Nj, stored
 * row-major from an offset. Holds the marginals p<sub>g</sub>(i) = Σ<sub>j</sub> P(i,j) and
 * p<sub>j</sub>(j) = Σ<sub>i</sub> P(i,j) and the total.
 */
class SizeMatrix {
  int ng;
  int nj;
  double[] p;
  int off;
  double total;
  double[] pg = new double[0];
  double[] pr = new double[0];

  boolean loadMatrix(double[] counts, int offset, int ng, int nj) {
    this.ng = ng;
    this.nj = nj;
    this.p = counts;
    this.off = offset;
    if (pg.length < ng) {
      pg = new double[ng];
    }
    if (pr.length < nj) {
      pr = new double[nj];
    }
    Arrays.fill(pg, 0, ng, 0);
    Arrays.fill(pr, 0, nj, 0);
    double t = 0;
    for (int i = 0; i < ng; i++) {
      int row = offset + i * nj;
      double s = 0;
      for (int j = 0; j < nj; j++) {
        double v = counts[row + j];
        if (v != 0) {
          s += v;
          pr[j] += v;
        }
      }
      pg[i] = s;
      t += s;
    }
    total = t;
    return t != 0;
  }

  static double sumSq(double[] v, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += v[k] * v[k];
    }
    return s;
  }

  /** Σ v[k]·(k+1)^power for power in {−2, 1, 2}. */
  static double moment(double[] v, int n, int power) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      if (v[k] != 0) {
        double x = k + 1;
        s += v[k] * (power == 2 ? x * x : power == 1 ? x : 1.0 / (x * x));
      }
    }
    return s;
  }

  /** Variance of the index (1-based) under the distribution v/total. */
  static double variance(double[] v, int n, double total) {
    double mu = 0;
    for (int k = 0; k < n; k++) {
      mu += v[k] / total * (k + 1);
    }
    double s = 0;
    for (int k = 0; k < n; k++) {
      if (v[k] != 0) {
        double d = k + 1 - mu;
        s += v[k] / total * d * d;
      }
    }
    return s;
  }

  /** Σ P(i,j)·i^pi·j^pj for exponents in {−2, 2}. */
  static double joint(double[] p, int off, int ng, int nj, int pi, int pj) {
    double s = 0;
    for (int i = 0; i < ng; i++) {
      double ii = (double) (i + 1) * (i + 1);
      double wi = pi > 0 ? ii : 1.0 / ii;
      int row = off + i * nj;
      for (int j = 0; j < nj; j++) {
        double v = p[row + j];
        if (v != 0) {
          double jj = (double) (j + 1) * (j + 1);
          s += v * wi * (pj > 0 ? jj : 1.0 / jj);
        }
      }
    }
    return s;
  }

  /** −Σ (P/total) log₂(P/total + ε). */
  static double entropy(double[] p, int off, int n, double total) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      double v = p[off + k];
      if (v != 0) {
        double q = v / total;
        s -= q * Glcm.log2(q + Glcm.EPS);
      }
    }
    return s;
  }
}
