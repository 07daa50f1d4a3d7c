package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * LASSO-penalised logistic regression with the R glmnet objective (binomial family, α = 1):
 *
 * <pre>
 *   minimise over β0, β:  −(1/N) Σ [ yᵢ(β0 + x̃ᵢᵀβ) − log(1 + e^(β0 + x̃ᵢᵀβ)) ] + λ‖β‖₁
 * </pre>
 *
 * where x̃ are the predictors standardised to mean 0 and unit variance (1/N denominator, glmnet
 * {@code standardize=TRUE}); the intercept is not penalised. Coefficients are reported on the
 * original scale: βj = β̃j/sdj, β0 = β̃0 − Σ β̃j·meanj/sdj.
 *
 * <p>Algorithm (Friedman, Hastie &amp; Tibshirani, J Stat Softw 2010;33(1)): for each λ on the path
 * a quadratic (IRLS) approximation of the log-likelihood with weights wᵢ = pᵢ(1−pᵢ) and working
 * response zᵢ = ηᵢ + (yᵢ−pᵢ)/wᵢ is minimised by cyclic coordinate descent with soft-thresholding,
 * warm-started from the previous λ; the outer loop repeats until the coefficients change by less
 * than {@code tolerance}. Path: λ_max = maxⱼ |x̃ⱼᵀ(y − ȳ)|/N (the smallest λ with all β = 0),
 * {@code nlambda} (default 100) values log-spaced down to λ_max·ratio, ratio = 0.01 if N &lt; p
 * else 1e-4 (glmnet {@code lambda.min.ratio}).
 *
 * <p>Cross-validation as {@code cv.glmnet(type.measure = "deviance", grouped = TRUE)}: each fold is
 * fitted on the other folds over the full-data λ path; the held-out binomial deviance
 * −2[y·log p + (1−y)·log(1−p)] (p clipped to [1e-5, 1−1e-5]) is averaged per fold; cvm is the
 * fold-size-weighted mean of the fold means and cvsd = √(weighted mean of (fold mean − cvm)² /
 * (K−1)). λ_min minimises cvm; λ_1se is the largest λ with cvm ≤ cvm(λ_min) + cvsd(λ_min). Folds
 * are stratified by outcome and drawn with an explicit seed, or supplied by the caller.
 */
public final class LassoLogistic {

  /** Settings; immutable, use the {@code with...} methods. */
  public record Settings(int nlambda, double lambdaMinRatio, double tolerance, int maxIterations) {
    /** glmnet defaults: 100 λ values, ratio chosen from N and p (NaN = automatic). */
    public static Settings defaults() {
      return new Settings(100, Double.NaN, 1e-9, 100_000);
    }

    public Settings withNlambda(int n) {
      return new Settings(n, lambdaMinRatio, tolerance, maxIterations);
    }

    public Settings withLambdaMinRatio(double r) {
      return new Settings(nlambda, r, tolerance, maxIterations);
    }

    public Settings withTolerance(double t) {
      return new Settings(nlambda, lambdaMinRatio, t, maxIterations);
    }
  }

  /**
   * A fitted path.
   *
   * @param lambdas decreasing λ values
   * @param intercepts β0 per λ (original scale)
   * @param betas betas[l][j], original scale
   * @param standardizedBetas β̃ per λ (standardised scale)
   * @param standardizedIntercepts β̃0 per λ
   * @param means predictor means used for standardisation
   * @param sds predictor standard deviations (1/N)
   */
  public record Path(
      String[] names,
      double[] lambdas,
      double[] intercepts,
      double[][] betas,
      double[] standardizedIntercepts,
      double[][] standardizedBetas,
      double[] means,
      double[] sds) {

    /** Number of non-zero coefficients at path index l. */
    public int nonZero(int l) {
      int c = 0;
      for (double b : betas[l]) {
        if (b != 0) {
          c++;
        }
      }
      return c;
    }

    /** Indices of the predictors with non-zero coefficient at path index l. */
    public int[] selected(int l) {
      return java.util.stream.IntStream.range(0, betas[l].length)
          .filter(j -> betas[l][j] != 0)
          .toArray();
    }

    /** Predicted probability at path index l for one row of original-scale predictors. */
    public double predict(int l, double[] x) {
      double eta = intercepts[l];
      for (int j = 0; j < x.length; j++) {
        eta += betas[l][j] * x[j];
      }
      return Logistic.sigmoid(eta);
    }
  }

  /** Cross-validation result. */
  public record CvResult(
      Path path,
      double[] cvm,
      double[] cvsd,
      int[] foldIds,
      int indexMin,
      int index1se,
      long seed) {
    public double lambdaMin() {
      return path.lambdas()[indexMin];
    }

    public double lambda1se() {
      return path.lambdas()[index1se];
    }
  }

  private LassoLogistic() {}

  /** λ_max = maxⱼ |x̃ⱼᵀ(y − ȳ)|/N on standardised predictors. */
  public static double lambdaMax(double[][] x, int[] y) {
    Data d = new Data(x, y);
    double ybar = mean(y);
    double lm = 0;
    for (int j = 0; j < d.p; j++) {
      double s = 0;
      for (int i = 0; i < d.n; i++) {
        s += d.xs[j][i] * (y[i] - ybar);
      }
      lm = Math.max(lm, Math.abs(s) / d.n);
    }
    return lm;
  }

  /** Default λ path for these data. */
  public static double[] lambdaPath(double[][] x, int[] y, Settings s) {
    double lmax = lambdaMax(x, y);
    int n = y.length;
    int p = x[0].length;
    double ratio = Double.isNaN(s.lambdaMinRatio()) ? (n < p ? 0.01 : 1e-4) : s.lambdaMinRatio();
    double[] l = new double[s.nlambda()];
    for (int k = 0; k < l.length; k++) {
      l[k] = l.length == 1 ? lmax : lmax * Math.exp(Math.log(ratio) * k / (l.length - 1));
    }
    return l;
  }

  /** Fits the default glmnet path. */
  public static Path fit(double[][] x, int[] y, String[] names, Settings s) {
    return fit(x, y, names, lambdaPath(x, y, s), s);
  }

  /** Fits the path at the given decreasing λ values. */
  public static Path fit(double[][] x, int[] y, String[] names, double[] lambdas, Settings s) {
    Data d = new Data(x, y);
    int p = d.p;
    int nl = lambdas.length;
    double[][] bs = new double[nl][];
    double[] b0s = new double[nl];
    double[][] bo = new double[nl][p];
    double[] b0o = new double[nl];
    double[] beta = new double[p];
    double ybar = mean(y);
    double b0 = Math.log(ybar / (1 - ybar));
    for (int l = 0; l < nl; l++) {
      if (l > 0 && lambdas[l] > lambdas[l - 1]) {
        throw new IllegalArgumentException("lambdas must be decreasing");
      }
      b0 = solve(d, lambdas[l], beta, b0, s);
      bs[l] = beta.clone();
      b0s[l] = b0;
      double c = b0;
      for (int j = 0; j < p; j++) {
        bo[l][j] = d.sd[j] == 0 ? 0 : beta[j] / d.sd[j];
        c -= bo[l][j] * d.mean[j];
      }
      b0o[l] = c;
    }
    String[] nm = names != null ? names.clone() : defaultNames(p);
    return new Path(nm, lambdas.clone(), b0o, bo, b0s, bs, d.mean.clone(), d.sd.clone());
  }

  private static String[] defaultNames(int p) {
    String[] n = new String[p];
    for (int j = 0; j < p; j++) {
      n[j] = "x" + (j + 1);
    }
    return n;
  }

  /** Coordinate descent with IRLS outer loop at one λ; updates beta in place, returns β0. */
  private static double solve(Data d, double lambda, double[] beta, double b0, Settings s) {
    int n = d.n;
    int p = d.p;
    double[] eta = new double[n];
    double[] w = new double[n];
    double[] r = new double[n]; // working residual z - eta
    int iter = 0;
    double objOld = objective(d, beta, b0, lambda);
    while (true) {
      double[] betaOld = beta.clone();
      double b0Old = b0;
      // quadratic approximation at current point
      for (int i = 0; i < n; i++) {
        eta[i] = b0;
        for (int j = 0; j < p; j++) {
          eta[i] += d.xs[j][i] * beta[j];
        }
        double mu = Logistic.sigmoid(eta[i]);
        w[i] = Math.max(mu * (1 - mu), 1e-5);
        r[i] = (d.y[i] - mu) / w[i];
      }
      double[] xwx = new double[p];
      for (int j = 0; j < p; j++) {
        double a = 0;
        for (int i = 0; i < n; i++) {
          a += w[i] * d.xs[j][i] * d.xs[j][i];
        }
        xwx[j] = a / n;
      }
      double sw = 0;
      for (int i = 0; i < n; i++) {
        sw += w[i];
      }
      // inner coordinate descent on the weighted least squares problem
      while (true) {
        iter++;
        double maxDelta = 0;
        // intercept
        double g0 = 0;
        for (int i = 0; i < n; i++) {
          g0 += w[i] * r[i];
        }
        double d0 = g0 / sw;
        if (d0 != 0) {
          b0 += d0;
          for (int i = 0; i < n; i++) {
            r[i] -= d0;
          }
          maxDelta = Math.max(maxDelta, sw / n * d0 * d0);
        }
        for (int j = 0; j < p; j++) {
          if (xwx[j] == 0) {
            continue;
          }
          double[] xj = d.xs[j];
          double g = 0;
          for (int i = 0; i < n; i++) {
            g += w[i] * xj[i] * r[i];
          }
          g /= n;
          double old = beta[j];
          double u = g + xwx[j] * old;
          double nb = Math.signum(u) * Math.max(Math.abs(u) - lambda, 0) / xwx[j];
          double delta = nb - old;
          if (delta != 0) {
            beta[j] = nb;
            for (int i = 0; i < n; i++) {
              r[i] -= delta * xj[i];
            }
            maxDelta = Math.max(maxDelta, xwx[j] * delta * delta);
          }
        }
        if (maxDelta < s.tolerance() * s.tolerance() * 1e-2 || iter > s.maxIterations()) {
          break;
        }
      }
      // guard against an increase of the objective (damp the Newton step)
      double obj = objective(d, beta, b0, lambda);
      double t = 1;
      while (obj > objOld + 1e-14 && t > 1e-6) {
        t /= 2;
        for (int j = 0; j < p; j++) {
          beta[j] = betaOld[j] + t * (beta[j] - betaOld[j]);
        }
        b0 = b0Old + t * (b0 - b0Old);
        obj = objective(d, beta, b0, lambda);
      }
      double change = Math.abs(b0 - b0Old);
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(beta[j] - betaOld[j]));
      }
      objOld = obj;
      if (change < s.tolerance()) {
        break;
      }
      if (iter > s.maxIterations()) {
        throw new ArithmeticException("LASSO did not converge at lambda=" + lambda);
      }
    }
    return b0;
  }

  /** The glmnet objective on the standardised scale. */
  static double objective(Data d, double[] beta, double b0, double lambda) {
    double s = 0;
    for (int i = 0; i < d.n; i++) {
      double e = b0;
      for (int j = 0; j < d.p; j++) {
        e += d.xs[j][i] * beta[j];
      }
      s += d.y[i] * e - Logistic.log1pExp(e);
    }
    double l1 = 0;
    for (double b : beta) {
      l1 += Math.abs(b);
    }
    return -s / d.n + lambda * l1;
  }

  /**
   * KKT check helper: the gradient of the mean log-likelihood on the standardised scale,
   * gⱼ = (1/N) Σ x̃ᵢⱼ (yᵢ − pᵢ), and g0 = (1/N) Σ (yᵢ − pᵢ), at path index l. At the optimum g0 =
   * 0, gⱼ = λ·sign(β̃ⱼ) for β̃ⱼ ≠ 0 and |gⱼ| ≤ λ for β̃ⱼ = 0.
   *
   * @return {g0, g1, ..., gp}
   */
  public static double[] gradient(double[][] x, int[] y, Path path, int l) {
    Data d = new Data(x, y);
    double[] g = new double[d.p + 1];
    for (int i = 0; i < d.n; i++) {
      double e = path.standardizedIntercepts()[l];
      for (int j = 0; j < d.p; j++) {
        e += d.xs[j][i] * path.standardizedBetas()[l][j];
      }
      double res = y[i] - Logistic.sigmoid(e);
      g[0] += res / d.n;
      for (int j = 0; j < d.p; j++) {
        g[j + 1] += d.xs[j][i] * res / d.n;
      }
    }
    return g;
  }

  /** Stratified fold ids 0..k−1: cases and controls are shuffled separately and dealt in turn. */
  public static int[] stratifiedFolds(int[] y, int k, long seed) {
    int[] f = new int[y.length];
    SplittableRandom rnd = new SplittableRandom(seed);
    int next = 0;
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == cls) {
          idx.add(i);
        }
      }
      int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
      for (int i = a.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      for (int i : a) {
        f[i] = next;
        next = (next + 1) % k;
      }
    }
    return f;
  }

  /** k-fold cross-validation with stratified seeded folds. */
  public static CvResult crossValidate(
      double[][] x, int[] y, String[] names, Settings s, int k, long seed) {
    if (k < 3) {
      throw new IllegalArgumentException("need at least 3 folds, got " + k);
    }
    return crossValidate(x, y, names, s, stratifiedFolds(y, k, seed), seed);
  }

  /** Cross-validation with user-supplied fold ids 0..K−1. */
  public static CvResult crossValidate(
      double[][] x, int[] y, String[] names, Settings s, int[] foldIds, long seed) {
    if (foldIds.length != y.length) {
      throw new IllegalArgumentException("fold ids length " + foldIds.length + " != " + y.length);
    }
    Path full = fit(x, y, names, s);
    double[] lambdas = full.lambdas();
    int nf = Arrays.stream(foldIds).max().orElse(0) + 1;
    int nl = lambdas.length;
    double[][] foldMean = new double[nf][nl];
    double[] foldN = new double[nf];
    for (int f = 0; f < nf; f++) {
      List<Integer> tr = new ArrayList<>();
      List<Integer> te = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        (foldIds[i] == f ? te : tr).add(i);
      }
      if (te.isEmpty()) {
        throw new IllegalArgumentException("fold " + f + " is empty");
      }
      double[][] xt = tr.stream().map(i -> x[i]).toArray(double[][]::new);
      int[] yt = tr.stream().mapToInt(i -> y[i]).toArray();
      Path pf = fit(xt, yt, names, lambdas, s);
      foldN[f] = te.size();
      for (int l = 0; l < nl; l++) {
        double dev = 0;
        for (int i : te) {
          double pr = Math.min(Math.max(pf.predict(l, x[i]), 1e-5), 1 - 1e-5);
          dev += -2 * (y[i] * Math.log(pr) + (1 - y[i]) * Math.log(1 - pr));
        }
        foldMean[f][l] = dev / te.size();
      }
    }
    double wsum = Arrays.stream(foldN).sum();
    double[] cvm = new double[nl];
    double[] cvsd = new double[nl];
    for (int l = 0; l < nl; l++) {
      double m = 0;
      for (int f = 0; f < nf; f++) {
        m += foldN[f] * foldMean[f][l];
      }
      m /= wsum;
      double v = 0;
      for (int f = 0; f < nf; f++) {
        v += foldN[f] * (foldMean[f][l] - m) * (foldMean[f][l] - m);
      }
      cvm[l] = m;
      cvsd[l] = Math.sqrt(v / wsum / (nf - 1));
    }
    int imin = 0;
    for (int l = 1; l < nl; l++) {
      if (cvm[l] < cvm[imin]) {
        imin = l;
      }
    }
    double bound = cvm[imin] + cvsd[imin];
    int i1se = imin;
    for (int l = 0; l <= imin; l++) {
      if (cvm[l] <= bound) {
        i1se = l; // largest λ (smallest index) satisfying the bound
        break;
      }
    }
    return new CvResult(full, cvm, cvsd, foldIds.clone(), imin, i1se, seed);
  }

  private static double mean(int[] y) {
    double s = 0;
    for (int v : y) {
      s += v;
    }
    return s / y.length;
  }

  /** Standardised copy of the design, column-major. */
  static final class Data {
    final int n;
    final int p;
    final double[][] xs;
    final double[] mean;
    final double[] sd;
    final int[] y;

    Data(double[][] x, int[] y) {
      n = y.length;
      if (x.length != n || n == 0) {
        throw new IllegalArgumentException("x has " + x.length + " rows but y has " + n);
      }
      Linalg.checkLabels(y);
      int ev = 0;
      for (int v : y) {
        ev += v;
      }
      if (ev == 0 || ev == n) {
        throw new IllegalArgumentException("outcome has only one class");
      }
      p = x[0].length;
      this.y = y;
      xs = new double[p][n];
      mean = new double[p];
      sd = new double[p];
      for (int j = 0; j < p; j++) {
        double m = 0;
        for (int i = 0; i < n; i++) {
          if (x[i].length != p || !Double.isFinite(x[i][j])) {
            throw new IllegalArgumentException("bad value at row " + i + ", column " + j);
          }
          m += x[i][j];
        }
        m /= n;
        double v = 0;
        for (int i = 0; i < n; i++) {
          v += (x[i][j] - m) * (x[i][j] - m);
        }
        double sdj = Math.sqrt(v / n);
        mean[j] = m;
        sd[j] = sdj;
        for (int i = 0; i < n; i++) {
          xs[j][i] = sdj == 0 ? 0 : (x[i][j] - m) / sdj;
        }
      }
    }
  }
}
