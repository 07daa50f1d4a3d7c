package org.habitatj.ui;

import ij.gui.Plot;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.habitatj.core.stats.Calibration;
import org.habitatj.core.stats.DecisionCurve;
import org.habitatj.core.stats.Roc;

/**
 * Builders of ImageJ 1.x {@link Plot}s for model evaluation: ROC curves (AUC with DeLong 95% CI in
 * the legend), calibration curves and decision curves. They never open a window: the caller decides
 * whether to {@code show()} the plot or call {@link Plot#getImagePlus()} to save it.
 *
 * <p>Probability axes run from {@link #LO} to {@link #HI} (a little beyond [0, 1]) so that a curve
 * lying on 0 or 1 (an AUC of 1, sensitivity 1) is drawn inside the frame, not hidden under it.
 * Every series has its own colour, used for its points, its lines and its legend sample.
 */
public final class ClinicalPlots {
  /** Colours cycled over curves. */
  static final Color[] COLORS = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
    new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0)
  };

  /** Lower limit of the probability axes. */
  public static final double LO = -0.02;
  /** Upper limit of the probability axes. */
  public static final double HI = 1.02;
  /** Colour of the decision curve's "Treat all" line (purple, not used by the curve colours). */
  public static final Color TREAT_ALL = new Color(106, 61, 154);
  /** Colour of the decision curve's "Treat none" line. */
  public static final Color TREAT_NONE = new Color(70, 70, 70);

  private ClinicalPlots() {}

  /** {@code v} with {@code digits} decimals, never "-0.00" (a value that rounds to 0 is "0.00"). */
  static String fixed(double v, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "f", v);
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  private static Color color(int i) {
    return COLORS[i % COLORS.length];
  }

  private static void check(List<?> a, List<String> names) {
    if (a.isEmpty() || a.size() != names.size()) {
      throw new IllegalArgumentException("need one name per curve and at least one curve");
    }
  }

  /** ROC curves (1 − specificity vs sensitivity) with the chance diagonal. */
  public static Plot roc(String title, List<Roc> rocs, List<String> names) {
    check(rocs, names);
    Plot p = new Plot(title, "1 - Specificity", "Sensitivity");
    p.setLimits(LO, HI, LO, HI);
    p.setColor(Color.GRAY);
    p.drawDottedLine(0, 0, 1, 1, 2);
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < rocs.size(); i++) {
      Roc r = rocs.get(i);
      double[][] c = r.curve();
      p.setColor(color(i));
      p.setLineWidth(3);
      p.addPoints(c[0], c[1], Plot.LINE);
      legend.append(i > 0 ? "\n" : "").append(String.format(Locale.ROOT,
          "%s: AUC %.3f (95%% CI %.3f-%.3f)", names.get(i), r.auc(), r.ciLower(), r.ciUpper()));
    }
    p.setLineWidth(1);
    p.setColor(Color.BLACK);
    p.addLegend(legend.toString(), "bottom-right");
    return p;
  }

  /**
   * The legend line of a calibration curve: "name: slope 0.95, intercept 0.00, Brier 0.123", or,
   * when the recalibration fit is impossible, "name: slope, intercept not estimable (perfect
   * separation), Brier 0.010" (the reason from {@link Calibration.Result#notEstimable()}).
   */
  static String calibrationLabel(String name, Calibration.Result c) {
    return name + ": " + (c.notEstimable() == null
        ? "slope " + fixed(c.slope(), 2) + ", intercept " + fixed(c.intercept(), 2)
        : "slope, intercept not estimable (" + c.notEstimable() + ")")
        + ", Brier " + fixed(c.brier(), 3);
  }

  /** Binned calibration curves (mean predicted vs observed fraction) with the ideal line. */
  public static Plot calibration(String title, List<Calibration.Result> cals, List<String> names) {
    check(cals, names);
    Plot p = new Plot(title, "Predicted probability", "Observed fraction");
    p.setLimits(LO, HI, LO, HI);
    p.setColor(Color.GRAY);
    p.drawDottedLine(0, 0, 1, 1, 2);
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < cals.size(); i++) {
      Calibration.Result c = cals.get(i);
      // the second colour is the circles' fill and the connecting line's colour (black if unset)
      p.setColor(color(i), color(i));
      p.setLineWidth(2);
      p.addPoints(c.meanPredicted(), c.observed(), Plot.CONNECTED_CIRCLES);
      legend.append(i > 0 ? "\n" : "").append(calibrationLabel(names.get(i), c));
    }
    p.setLineWidth(1);
    p.setColor(Color.BLACK);
    p.addLegend(legend.toString(), "top-left");
    return p;
  }

  /** Decision curves: model net benefit, treat-all and treat-none. */
  public static Plot decisionCurve(String title, List<DecisionCurve.Result> dcs, List<String> names) {
    check(dcs, names);
    Plot p = new Plot(title, "Threshold probability", "Net benefit");
    double ymax = 0;
    for (DecisionCurve.Result d : dcs) {
      ymax = Math.max(ymax, d.prevalence());
    }
    double[] t0 = dcs.get(0).thresholds();
    p.setLimits(LO, HI, -0.05, Math.max(0.1, ymax * 1.1));
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < dcs.size(); i++) {
      DecisionCurve.Result d = dcs.get(i);
      p.setColor(color(i));
      p.setLineWidth(2);
      p.addPoints(d.thresholds(), d.netBenefit(), Plot.LINE);
      legend.append(i > 0 ? "\n" : "").append(names.get(i));
    }
    // treat all depends on each set's prevalence: one line per set (one "Treat all" when there
    // is a single set)
    for (int i = 0; i < dcs.size(); i++) {
      DecisionCurve.Result d = dcs.get(i);
      p.setLineWidth(2);
      p.setColor(i == 0 ? TREAT_ALL : TREAT_ALL.brighter());
      p.addPoints(d.thresholds(), d.treatAll(), Plot.LINE);
      legend.append("\nTreat all").append(dcs.size() > 1 ? " (" + names.get(i) + ")" : "");
    }
    p.setLineWidth(2);
    p.setColor(TREAT_NONE);
    p.addPoints(t0, dcs.get(0).treatNone(), Plot.LINE);
    legend.append("\nTreat none");
    p.setColor(Color.BLACK);
    p.addLegend(legend.toString(), "top-right");
    return p;
  }
}
