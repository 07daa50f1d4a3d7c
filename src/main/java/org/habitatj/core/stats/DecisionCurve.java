package org.habitatj.core.stats;

/**
 * Decision-curve analysis (Vickers &amp; Elkin, Med Decis Making 2006;26:565). At threshold
 * probability pt a subject is treated when p̂ ≥ pt; net benefit NB = TP/N − FP/N·pt/(1−pt).
 * Treat-all NB = prevalence − (1−prevalence)·pt/(1−pt); treat-none NB = 0.
 */
public final class DecisionCurve {

  /** Net benefit per threshold. */
  public record Result(double[] thresholds, double[] netBenefit, double[] treatAll,
      double[] treatNone, int[] tp, int[] fp, double prevalence) {}

  private DecisionCurve() {}

  /** Thresholds from {@code from} to {@code to} (inclusive) in steps of {@code step}, all in [0, 1). */
  public static double[] grid(double from, double to, double step) {
    int k = (int) Math.floor((to - from) / step + 1e-9) + 1;
    double[] t = new double[k];
    for (int i = 0; i < k; i++) {
      t[i] = from + i * step;
    }
    return t;
  }

  public static Result of(int[] y, double[] p, double[] thresholds) {
    int n = y.length;
    if (p.length != n) {
      throw new IllegalArgumentException("y and p differ in length");
    }
    Linalg.checkLabels(y);
    int events = 0;
    for (int v : y) {
      events += v;
    }
    double prev = events / (double) n;
    int k = thresholds.length;
    double[] nb = new double[k];
    double[] all = new double[k];
    double[] none = new double[k];
    int[] tps = new int[k];
    int[] fps = new int[k];
    for (int t = 0; t < k; t++) {
      double pt = thresholds[t];
      if (!(pt >= 0 && pt < 1)) {
        throw new IllegalArgumentException("threshold must be in [0,1): " + pt);
      }
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < n; i++) {
        if (p[i] >= pt) {
          if (y[i] == 1) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      double odds = pt / (1 - pt);
      nb[t] = tp / (double) n - fp / (double) n * odds;
      all[t] = prev - (1 - prev) * odds;
      tps[t] = tp;
      fps[t] = fp;
    }
    return new Result(thresholds.clone(), nb, all, none, tps, fps, prev);
  }
}
