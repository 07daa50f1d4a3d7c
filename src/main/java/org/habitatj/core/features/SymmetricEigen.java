package org.habitatj.core.features;

/**
 * Eigenvalues of a small dense symmetric matrix: Householder reduction to tridiagonal form followed
 * by the implicit-shift QL algorithm (Golub &amp; Van Loan, Matrix Computations, ch. 8). Used by
 * GLCM MCC. Reuses its buffers; not thread-safe.
 */
final class SymmetricEigen {
  private double[] a = new double[0];
  private double[] d = new double[0];
  private double[] e = new double[0];

  /**
   * Computes the eigenvalues of the symmetric n×n matrix {@code m} (row-major, only read).
   *
   * @return the eigenvalues in an internal buffer (first n entries), unsorted
   */
  double[] eigenvalues(double[] m, int n) {
    if (a.length < n * n) {
      a = new double[n * n];
      d = new double[n];
      e = new double[n];
    }
    System.arraycopy(m, 0, a, 0, n * n);
    tridiagonalize(n);
    ql(n);
    return d;
  }

  /**
   * The second largest eigenvalue of the symmetric n×n matrix {@code m} (n ≥ 2): the same
   * Householder reduction, then Sturm-sequence bisection on the tridiagonal matrix for that one
   * eigenvalue (to 1e-13 relative, or 1e-18 absolute near 0) instead of the full QL iteration.
   * Used by GLCM MCC, which needs only this eigenvalue.
   */
  double secondLargest(double[] m, int n) {
    if (a.length < n * n) {
      a = new double[n * n];
      d = new double[n];
      e = new double[n];
    }
    System.arraycopy(m, 0, a, 0, n * n);
    tridiagonalize(n);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
      lo = Math.min(lo, d[i] - r);
      hi = Math.max(hi, d[i] + r);
    }
    int k = n - 2; // the eigenvalue with exactly n − 2 eigenvalues below it
    for (int it = 0; it < 300; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi
          || hi - lo <= 1e-13 * Math.max(Math.abs(lo), Math.abs(hi)) || hi - lo <= 1e-18) {
        break;
      }
      if (countBelow(n, mid) > k) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * The largest eigenvalue of the symmetric n×n matrix {@code m} (n ≥ 1): Householder reduction
   * to tridiagonal form, then Laguerre's iteration on the characteristic polynomial started above
   * the Gershgorin bound. For a polynomial with real roots Laguerre's method from the right
   * converges monotonically (and cubically) to the largest root; p'/p and p''/p come from the
   * LDLᵀ pivot recurrence (no overflow). Used by GLCM MCC on the deflated matrix.
   */
  double largest(double[] m, int n) {
    if (a.length < n * n) {
      a = new double[n * n];
      d = new double[n];
      e = new double[n];
    }
    if (n == 1) {
      return m[0];
    }
    System.arraycopy(m, 0, a, 0, n * n);
    householderRows(a, n);
    return laguerreLargest(n, 1.0);
  }

  /**
   * The largest absolute eigenvalue max(λ<sub>max</sub>, −λ<sub>min</sub>) of the symmetric n×n
   * matrix {@code m} (row-major, both triangles stored; overwritten). Householder reduction to
   * tridiagonal form (Golub &amp; Van Loan algorithm 8.3.1; p = βAv accumulated row by row as
   * p += v<sub>i</sub>·A(i, ·), which A = Aᵀ allows, so that every inner loop is an independent
   * multiply-add instead of a dot-product chain), then Laguerre's iteration from above the
   * Gershgorin bound for the largest eigenvalue of T and of −T, both run in one loop. Used by GLCM
   * MCC on the deflated symmetric matrix.
   */
  double largestAbs(double[] m, int n) {
    return largestAbs(m, n, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #largestAbs(double[], int)} when every eigenvalue is known to lie in [−bound, bound]
   * (up to rounding): the Laguerre iterations then start from min(Gershgorin bound, bound).
   */
  double largestAbs(double[] m, int n, double bound) {
    if (n == 1) {
      return Math.abs(m[0]);
    }
    if (d.length < n) {
      d = new double[n];
      e = new double[n];
    }
    householderRows(m, n);
    return laguerreBothEnds(n, bound);
  }

  /**
   * Householder reduction of the symmetric n×n matrix {@code a} (n ≥ 2; both triangles stored;
   * overwritten) to tridiagonal d (diagonal), e (e[i] couples i and i+1), Golub &amp; Van Loan
   * algorithm 8.3.1: per column a reflector P = I − β v vᵀ, then A ← A − v wᵀ − w vᵀ with p = βAv
   * accumulated row by row (A = Aᵀ), w = p − (β pᵀv / 2) v, on the trailing block.
   */
  private void householderRows(double[] a, int n) {
    if (v.length < n) {
      v = new double[n];
      w = new double[n];
    }
    for (int k = 0; k < n - 2; k++) {
      int row = k * n;
      double ss = 0;
      for (int j = k + 1; j < n; j++) {
        ss += a[row + j] * a[row + j];
      }
      double x0 = a[row + k + 1];
      d[k] = a[row + k];
      double tail = ss - x0 * x0;
      if (tail == 0) {
        e[k] = x0; // already tridiagonal in this column
        continue;
      }
      double alpha = x0 >= 0 ? -Math.sqrt(ss) : Math.sqrt(ss);
      v[k + 1] = x0 - alpha;
      for (int j = k + 2; j < n; j++) {
        v[j] = a[row + j];
      }
      double beta = 1.0 / (ss - alpha * x0);
      for (int j = k + 1; j < n; j++) {
        w[j] = 0;
      }
      for (int i = k + 1; i < n; i++) {
        int ri = i * n;
        double vi = v[i];
        for (int j = k + 1; j < n; j++) {
          w[j] += a[ri + j] * vi;
        }
      }
      double ptv = 0;
      for (int i = k + 1; i < n; i++) {
        w[i] *= beta;
        ptv += w[i] * v[i];
      }
      double kk = 0.5 * beta * ptv;
      for (int i = k + 1; i < n; i++) {
        w[i] -= kk * v[i];
      }
      for (int i = k + 1; i < n; i++) {
        int ri = i * n;
        double vi = v[i];
        double wi = w[i];
        for (int j = k + 1; j < n; j++) {
          a[ri + j] -= vi * w[j] + wi * v[j];
        }
      }
      e[k] = alpha;
    }
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 2) * n + n - 1];
    d[n - 1] = a[n * n - 1];
    e[n - 1] = 0;
  }

  /**
   * max(λ<sub>max</sub>(T), λ<sub>max</sub>(−T)) for the tridiagonal (d, e): the Laguerre iteration
   * of {@link #laguerreLargest} for both signs, advanced together (two independent recurrences per
   * pass), each stopping by the same rules.
   */
  private double laguerreBothEnds(int n, double bound) {
    double xp = Double.NEGATIVE_INFINITY;
    double xm = Double.NEGATIVE_INFINITY;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
      xp = Math.max(xp, d[i] + r);
      xm = Math.max(xm, -d[i] + r);
      scale = Math.max(scale, Math.abs(d[i]) + r);
    }
    if (scale == 0) {
      return 0;
    }
    // strictly above every eigenvalue of T and of −T
    xp = Math.min(xp, bound) + 1e-3 * scale;
    xm = Math.min(xm, bound) + 1e-3 * scale;
    boolean doneP = false;
    boolean doneM = false;
    for (int it = 0; it < 100 && !(doneP && doneM); it++) {
      double gp = 0;
      double hp = 0;
      double invP = 1;
      double g1p = 0;
      double h1p = 0;
      double gm = 0;
      double hm = 0;
      double invM = 1;
      double g1m = 0;
      double h1m = 0;
      for (int i = 0; i < n; i++) {
        double rp;
        double r1p;
        double r2p;
        double rm;
        double r1m;
        double r2m;
        if (i == 0) {
          rp = xp - d[0];
          rm = xm + d[0];
          r1p = 1;
          r2p = 0;
          r1m = 1;
          r2m = 0;
        } else {
          double ee = e[i - 1] * e[i - 1];
          double tp = ee * invP;
          double tm = ee * invM;
          rp = xp - d[i] - tp;
          rm = xm + d[i] - tm;
          r1p = 1 + tp * g1p;
          r2p = tp * (h1p - 2 * g1p * g1p);
          r1m = 1 + tm * g1m;
          r2m = tm * (h1m - 2 * g1m * g1m);
        }
        if (rp == 0) {
          rp = 1e-300;
        }
        if (rm == 0) {
          rm = 1e-300;
        }
        double ip = 1.0 / rp;
        double im = 1.0 / rm;
        double gip = r1p * ip;
        double gim = r1m * im;
        double hip = r2p * ip;
        double him = r2m * im;
        gp += gip;
        gm += gim;
        hp += gip * gip - hip;
        hm += gim * gim - him;
        invP = ip;
        invM = im;
        g1p = gip;
        g1m = gim;
        h1p = hip;
        h1m = him;
      }
      if (!doneP) {
        double nx = laguerreStep(xp, gp, hp, n, scale);
        doneP = !(nx < xp) || xp - nx <= 1e-15 * scale;
        if (nx < xp) {
          xp = nx;
        }
      }
      if (!doneM) {
        double nx = laguerreStep(xm, gm, hm, n, scale);
        doneM = !(nx < xm) || xm - nx <= 1e-15 * scale;
        if (nx < xm) {
          xm = nx;
        }
      }
    }
    return Math.max(xp, xm);
  }

  /**
   * One Laguerre step from x with g = Σ 1/(x − λ), h = Σ 1/(x − λ)²; returns x itself when the
   * iteration must stop (on the root, or a non-finite step), as in {@link #laguerreLargest}.
   */
  private static double laguerreStep(double x, double g, double h, int n, double scale) {
    if (!(g > 0) || g == Double.POSITIVE_INFINITY) {
      return x;
    }
    double disc = (n - 1) * (n * h - g * g);
    double step = n / (g + Math.sqrt(disc > 0 ? disc : 0));
    if (!(step > 0) || step == Double.POSITIVE_INFINITY) {
      return x;
    }
    return x - step;
  }

  /**
   * Largest eigenvalue of sign·T, T the tridiagonal (d, e) (sign = ±1): Laguerre's iteration on
   * the characteristic polynomial started above the Gershgorin bound, p'/p and p''/p from the LDLᵀ
   * pivot recurrence.
   */
  private double laguerreLargest(int n, double sign) {
    double x = Double.NEGATIVE_INFINITY;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
      x = Math.max(x, sign * d[i] + r);
      scale = Math.max(scale, Math.abs(d[i]) + r);
    }
    if (scale == 0) {
      return 0;
    }
    x += 1e-3 * scale; // strictly above every eigenvalue
    for (int it = 0; it < 100; it++) {
      double g = 0; // Σ 1/(x − λ)
      double h = 0; // Σ 1/(x − λ)²
      double invPrev = 1; // 1/r of the previous pivot
      double gPrev = 0;
      double hPrev = 0;
      for (int i = 0; i < n; i++) {
        double r;
        double r1;
        double r2;
        if (i == 0) {
          r = x - sign * d[0];
          r1 = 1;
          r2 = 0;
        } else {
          double t = e[i - 1] * e[i - 1] * invPrev;
          r = x - sign * d[i] - t;
          r1 = 1 + t * gPrev;
          r2 = t * (hPrev - 2 * gPrev * gPrev);
        }
        if (r == 0) {
          r = 1e-300;
        }
        double inv = 1.0 / r;
        double gi = r1 * inv;
        double hi = r2 * inv;
        g += gi;
        h += gi * gi - hi;
        invPrev = inv;
        gPrev = gi;
        hPrev = hi;
      }
      if (!(g > 0) || g == Double.POSITIVE_INFINITY) {
        break; // on (or, by rounding, just below) the largest eigenvalue
      }
      double disc = (n - 1) * (n * h - g * g);
      double step = n / (g + Math.sqrt(disc > 0 ? disc : 0));
      if (!(step > 0) || step == Double.POSITIVE_INFINITY) {
        break;
      }
      double nx = x - step;
      if (!(nx < x)) {
        break;
      }
      x = nx;
      if (step <= 1e-15 * scale) {
        break;
      }
    }
    return x;
  }

  /** Number of eigenvalues of the tridiagonal (d, e) below x (Sturm sequence). */
  private int countBelow(int n, double x) {
    int c = 0;
    double q = 1;
    for (int i = 0; i < n; i++) {
      q = d[i] - x - (i > 0 ? e[i - 1] * e[i - 1] / q : 0);
      if (q == 0) {
        q = -1e-300;
      }
      if (q < 0) {
        c++;
      }
    }
    return c;
  }

  private double[] v = new double[0];
  private double[] w = new double[0];

  /** Householder reduction of a (lower triangle used) to tridiagonal d (diagonal), e (sub-diag). */
  private void tridiagonalize(int n) {
    for (int i = n - 1; i > 0; i--) {
      int l = i - 1;
      double h = 0;
      if (l > 0) {
        double scale = 0;
        for (int k = 0; k <= l; k++) {
          scale += Math.abs(a[i * n + k]);
        }
        if (scale == 0) {
          e[i] = a[i * n + l];
        } else {
          for (int k = 0; k <= l; k++) {
            a[i * n + k] /= scale;
            h += a[i * n + k] * a[i * n + k];
          }
          double f = a[i * n + l];
          double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
          e[i] = scale * g;
          h -= f * g;
          a[i * n + l] = f - g;
          f = 0;
          for (int j = 0; j <= l; j++) {
            g = 0;
            for (int k = 0; k <= j; k++) {
              g += a[j * n + k] * a[i * n + k];
            }
            for (int k = j + 1; k <= l; k++) {
              g += a[k * n + j] * a[i * n + k];
            }
            e[j] = g / h;
            f += e[j] * a[i * n + j];
          }
          double hh = f / (h + h);
          for (int j = 0; j <= l; j++) {
            f = a[i * n + j];
            g = e[j] - hh * f;
            e[j] = g;
            for (int k = 0; k <= j; k++) {
              a[j * n + k] -= f * e[k] + g * a[i * n + k];
            }
          }
        }
      } else {
        e[i] = a[i * n + l];
      }
      d[i] = h;
    }
    for (int i = 0; i < n; i++) {
      d[i] = a[i * n + i];
    }
    // shift sub-diagonal: e[i] couples rows i-1 and i
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    if (n > 0) {
      e[n - 1] = 0;
    }
  }

  /** Implicit QL iterations on the tridiagonal (d, e). */
  private void ql(int n) {
    for (int l = 0; l < n; l++) {
      int iter = 0;
      int m;
      do {
        for (m = l; m < n - 1; m++) {
          double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
          if (Math.abs(e[m]) <= 1e-15 * dd) {
            break;
          }
        }
        if (m != l) {
          if (iter++ == 60) {
            break; // no convergence: leave as is (never seen for GLCM matrices)
          }
          double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
          double r = Math.hypot(g, 1.0);
          g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
          double s = 1;
          double c = 1;
          double p = 0;
          int i;
          for (i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            r = Math.hypot(f, g);
            e[i + 1] = r;
            if (r == 0) {
              d[i + 1] -= p;
              e[m] = 0;
              break;
            }
            s = f / r;
            c = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2.0 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
          }
          if (r == 0 && i >= l) {
            continue;
          }
          d[l] -= p;
          e[l] = g;
          e[m] = 0;
        }
      } while (m != l);
    }
  }
}
