package org.habitatj.core.stats;

/**
 * Confusion-matrix metrics at one cut-off, each with a Wilson score confidence interval.
 *
 * <p>Se = TP/(TP+FN), Sp = TN/(TN+FP), Acc = (TP+TN)/N, PPV = TP/(TP+FP), NPV = TN/(TN+FN). A
 * metric with an empty denominator has NaN estimate and bounds.
 */
public record Diagnostics(
    double cutoff,
    int tp,
    int fp,
    int tn,
    int fn,
    Proportion sensitivity,
    Proportion specificity,
    Proportion accuracy,
    Proportion ppv,
    Proportion npv) {

  /** Metrics from counts; {@code alpha} = 1 − confidence level. */
  public static Diagnostics of(int tp, int fp, int tn, int fn, double alpha, double cutoff) {
    return new Diagnostics(
        cutoff,
        tp,
        fp,
        tn,
        fn,
        Proportion.wilson(tp, tp + fn, alpha),
        Proportion.wilson(tn, tn + fp, alpha),
        Proportion.wilson(tp + tn, tp + fp + tn + fn, alpha),
        Proportion.wilson(tp, tp + fp, alpha),
        Proportion.wilson(tn, tn + fn, alpha));
  }
}
