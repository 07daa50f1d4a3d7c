package org.habitatj.core.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Maximum-likelihood binary logistic regression, logit P(y=1) = β0 + Σ βj·xj, fitted by
 * iteratively reweighted least squares (Newton–Raphson on the log-likelihood, as R {@code glm(...,
 * family = binomial)}).
 *
 * <p>Standard errors are the square roots of the diagonal of the inverse Fisher information
 * (XᵀWX)⁻¹ at the optimum; Wald z = β/SE, two-sided p = 2Φ(−|z|), Wald CI β ± z<sub>1−α/2</sub>·SE,
 * odds ratio exp(β) with CI exp(bounds). Index 0 of every array is the intercept.
 *
 * <p>Errors: {@link IllegalArgumentException} for bad shapes, non-finite values or labels other than
 * 0/1; {@link ArithmeticException} when XᵀWX is singular (collinear predictors) or the fit does
 * not converge (complete or quasi-complete separation makes coefficients diverge).
 */
public final class Logistic {
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  /** Fitted model. Arrays have length p+1 with the intercept first. */
  public record Fit(
      String[] names,
      double[] coefficients,
      double[] standardErrors,
      double[] z,
      double[] p,
      double[] ciLower,
      double[] ciUpper,
      double logLikelihood,
      double nullLogLikelihood,
      int iterations,
      int n,
      int events) {

    /** Odds ratio exp(β) for index i (0 = intercept). */
    public double oddsRatio(int i) {
      return Math.exp(coefficients[i]);
    }

    public double oddsRatioLower(int i) {
      return Math.exp(ciLower[i]);
    }

    public double oddsRatioUpper(int i) {
      return Math.exp(ciUpper[i]);
    }

    /** Akaike information criterion −2LL + 2(p+1). */
    public double aic() {
      return -2 * logLikelihood + 2 * coefficients.length;
    }

    /** Linear predictor for one row of predictors (length p, without intercept). */
    public double linearPredictor(double[] x) {
      double eta = coefficients[0];
      for (int j = 0; j < x.length; j++) {
        eta += coefficients[j + 1] * x[j];
      }
      return eta;
    }

    /** Predicted probability for one row. */
    public double predict(double[] x) {
      return sigmoid(linearPredictor(x));
    }
  }

  private Logistic() {}

  /** Logistic function 1/(1+e^−η), stable for large |η|. */
  public static double sigmoid(double eta) {
    if (eta >= 0) {
      return 1 / (1 + Math.exp(-eta));
    }
    double e = Math.exp(eta);
    return e / (1 + e);
  }

  /** Fit with 95% Wald intervals. {@code x[i]} is row i (length p); names may be null. */
  public static Fit fit(double[][] x, int[] y, String[] names) {
    return fit(x, y, names, 0.95);
  }

  /** Fit with a given confidence level for the Wald intervals. */
  public static Fit fit(double[][] x, int[] y, String[] names, double confidenceLevel) {
    int n = y.length;
    if (x.length != n) {
      throw new IllegalArgumentException("x has " + x.length + " rows but y has " + n);
    }
    Linalg.checkLabels(y);
    int p = n == 0 ? 0 : x[0].length;
    for (int i = 0; i < n; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, not " + p);
      }
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("value at row " + i + ", column " + j + " is not finite");
        }
      }
    }
    if (n <= p + 1) {
      throw new IllegalArgumentException("need more rows (" + n + ") than parameters (" + (p + 1) + ")");
    }
    String[] nm = new String[p + 1];
    nm[0] = "(Intercept)";
    for (int j = 0; j < p; j++) {
      nm[j + 1] = names != null ? names[j] : "x" + (j + 1);
    }
    int events = 0;
    for (int v : y) {
      events += v;
    }
    if (events == 0 || events == n) {
      throw new IllegalArgumentException("outcome has only one class (events=" + events + " of " + n + ")");
    }
    int q = p + 1;
    double[] beta = new double[q];
    double ybar = events / (double) n;
    beta[0] = Math.log(ybar / (1 - ybar));
    double ll = logLik(x, y, beta);
    int it = 0;
    boolean converged = false;
    double[][] info = null;
    while (it < 100) {
      it++;
      info = new double[q][q];
      double[] grad = new double[q];
      for (int i = 0; i < n; i++) {
        double mu = sigmoid(eta(x[i], beta));
        double w = mu * (1 - mu);
        double r = y[i] - mu;
        for (int a = 0; a < q; a++) {
          double xa = a == 0 ? 1 : x[i][a - 1];
          grad[a] += xa * r;
          for (int b = 0; b <= a; b++) {
            double xb = b == 0 ? 1 : x[i][b - 1];
            info[a][b] += w * xa * xb;
          }
        }
      }
      for (int a = 0; a < q; a++) {
        for (int b = 0; b < a; b++) {
          info[b][a] = info[a][b];
        }
      }
      double[] step;
      try {
        step = Linalg.multiply(Linalg.spdInverse(info), grad);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(
            "logistic regression failed: information matrix is singular (collinear or constant "
                + "predictors, or the outcome is (quasi-)completely separated by the predictors)");
      }
      double[] next = new double[q];
      double llNext;
      double t = 1;
      while (true) {
        for (int a = 0; a < q; a++) {
          next[a] = beta[a] + t * step[a];
        }
        llNext = logLik(x, y, next);
        if (llNext >= ll - 1e-12 || t < 1e-8) {
          break;
        }
        t /= 2; // step halving, as glm.fit does when the deviance increases
      }
      double change = Math.abs(llNext - ll);
      beta = next;
      ll = llNext;
      if (change < 1e-12 * (Math.abs(ll) + 0.1)) {
        converged = true;
        break;
      }
    }
    if (!converged || ll > -1e-8) {
      throw separation(it, beta);
    }
    // information at the optimum
    info = new double[q][q];
    for (int i = 0; i < n; i++) {
      double mu = sigmoid(eta(x[i], beta));
      double w = mu * (1 - mu);
      for (int a = 0; a < q; a++) {
        double xa = a == 0 ? 1 : x[i][a - 1];
        for (int b = 0; b < q; b++) {
          info[a][b] += w * xa * (b == 0 ? 1 : x[i][b - 1]);
        }
      }
    }
    double[][] cov;
    try {
      cov = Linalg.spdInverse(info);
    } catch (ArithmeticException e) {
      throw separation(it, beta);
    }
    for (int a = 0; a < q; a++) {
      // quasi-complete separation: a coefficient drifts to infinity and its SE explodes
      if (!(Math.sqrt(cov[a][a]) < 1e3 * Math.max(1, Math.abs(beta[a])))) {
        throw separation(it, beta);
      }
    }
    double zc = NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    double[] se = new double[q];
    double[] z = new double[q];
    double[] pv = new double[q];
    double[] lo = new double[q];
    double[] hi = new double[q];
    for (int a = 0; a < q; a++) {
      se[a] = Math.sqrt(cov[a][a]);
      z[a] = beta[a] / se[a];
      pv[a] = 2 * NORMAL.cumulativeProbability(-Math.abs(z[a]));
      lo[a] = beta[a] - zc * se[a];
      hi[a] = beta[a] + zc * se[a];
    }
    double ll0 = events * Math.log(ybar) + (n - events) * Math.log(1 - ybar);
    return new Fit(nm, beta, se, z, pv, lo, hi, ll, ll0, it, n, events);
  }

  private static ArithmeticException separation(int it, double[] beta) {
    double maxAbs = Arrays.stream(beta).map(Math::abs).max().orElse(0);
    return new ArithmeticException("logistic regression did not converge (iterations=" + it
        + ", max |beta|=" + maxAbs + "): the outcome is probably (quasi-)completely separated by "
        + "the predictors (a predictor or level occurs only in one outcome group)");
  }

  private static double eta(double[] xi, double[] beta) {
    double e = beta[0];
    for (int j = 0; j < xi.length; j++) {
      e += beta[j + 1] * xi[j];
    }
    return e;
  }

  /** Binomial log-likelihood Σ y·η − log(1+e^η). */
  static double logLik(double[][] x, int[] y, double[] beta) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double e = eta(x[i], beta);
      s += y[i] * e - log1pExp(e);
    }
    return s;
  }

  static double log1pExp(double e) {
    return e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
  }
}
