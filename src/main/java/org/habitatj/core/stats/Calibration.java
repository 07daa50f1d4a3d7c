package org.habitatj.core.stats;

/**
 * Calibration of predicted probabilities against observed outcomes.
 *
 * <p>Binned curve: subjects sorted by predicted risk and split into {@code bins} groups of (nearly)
 * equal size (group b holds sorted positions ⌊b·N/bins⌋ … ⌊(b+1)·N/bins⌋−1); per group the mean
 * predicted risk and the observed event fraction. Calibration slope and intercept are the
 * coefficients of the logistic regression logit P(y=1) = a + b·logit(p̂) (ideal a = 0, b = 1; Cox
 * 1958). Predictions are clipped to [1e-10, 1−1e-10] before taking logits.
 */
public final class Calibration {

  /**
   * Result: curve arrays (one entry per non-empty bin) and the logistic recalibration fit.
   * {@code notEstimable} is null when slope and intercept were estimated; otherwise they are NaN
   * and it says why in a few words ("one outcome class only", "too few patients", "all
   * predictions equal", "perfect separation").
   */
  public record Result(double[] meanPredicted, double[] observed, int[] count, double intercept,
      double interceptSe, double slope, double slopeSe, double brier, String notEstimable) {}

  private Calibration() {}

  public static Result of(int[] y, double[] p, int bins) {
    int n = y.length;
    if (p.length != n) {
      throw new IllegalArgumentException("y and p differ in length");
    }
    if (bins < 1 || bins > n) {
      throw new IllegalArgumentException("bins must be in [1, " + n + "], got " + bins);
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("prediction at row " + i + " is not a probability: " + p[i]);
      }
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
    double[] mp = new double[bins];
    double[] ob = new double[bins];
    int[] c = new int[bins];
    for (int b = 0; b < bins; b++) {
      int from = (int) ((long) b * n / bins);
      int to = (int) ((long) (b + 1) * n / bins);
      for (int r = from; r < to; r++) {
        mp[b] += p[idx[r]];
        ob[b] += y[idx[r]];
        c[b]++;
      }
      mp[b] /= c[b];
      ob[b] /= c[b];
    }
    double[][] lx = new double[n][1];
    double brier = 0;
    for (int i = 0; i < n; i++) {
      double q = Math.min(Math.max(p[i], 1e-10), 1 - 1e-10);
      lx[i][0] = Math.log(q / (1 - q));
      brier += (p[i] - y[i]) * (p[i] - y[i]) / n;
    }
    double a = Double.NaN;
    double ase = Double.NaN;
    double s = Double.NaN;
    double sse = Double.NaN;
    String why = null;
    try {
      Logistic.Fit f = Logistic.fit(lx, y, new String[] {"logit(p)"});
      a = f.coefficients()[0];
      ase = f.standardErrors()[0];
      s = f.coefficients()[1];
      sse = f.standardErrors()[1];
    } catch (IllegalArgumentException e) {
      // a single outcome class, or fewer than 3 subjects: slope/intercept undefined, left NaN
      why = e.getMessage() != null && e.getMessage().contains("one class")
          ? "one outcome class only" : "too few patients";
    } catch (ArithmeticException e) {
      // the logits are constant (singular information) or separate the outcome completely
      boolean constant = true;
      for (double[] v : lx) {
        constant &= v[0] == lx[0][0];
      }
      why = constant ? "all predictions equal" : "perfect separation";
    }
    return new Result(mp, ob, c, a, ase, s, sse, brier, why);
  }
}
