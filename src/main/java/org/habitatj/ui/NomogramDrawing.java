package org.habitatj.ui;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.habitatj.core.clinical.NomogramModel;
import org.habitatj.core.stats.Logistic;

/**
 * Draws a {@link NomogramModel} as an RGB image in the R rms style: a "Points" axis 0–100, one
 * axis per term placed so that a value's position reads its points off the Points axis, a "Total
 * points" axis and a "Risk of &lt;outcome&gt;" probability axis aligned with it. Returns an
 * ImagePlus (never shown here) that the user can save.
 */
public final class NomogramDrawing {
  static final int LEFT = 230;
  static final int RIGHT = 50;
  static final int ROW = 60;
  static final int TOP = 60;

  private NomogramDrawing() {}

  /** Renders the nomogram, width in pixels (≥ 500). */
  public static ImagePlus draw(NomogramModel m, int width) {
    if (width < 500) {
      throw new IllegalArgumentException("nomogram width must be >= 500 pixels, got " + width);
    }
    int rows = m.terms().size() + 3;
    Font small = new Font(Font.SANS_SERIF, Font.ITALIC, 11);
    ColorProcessor measure = new ColorProcessor(1, 1);
    measure.setFont(small);
    List<String> footer = wrap(measure, m.provenance(), width - 20);
    footer.add(String.format(Locale.ROOT, "Risk class high if p >= %.3f; HabitatJ %s, created %s",
        m.riskCutoff(), m.habitatjVersion(), m.created()));
    int height = TOP + rows * ROW + 10 + 15 * footer.size() + 10;
    ColorProcessor ip = new ColorProcessor(width, height);
    ip.setColor(Color.WHITE);
    ip.fill();
    ip.setAntialiasedText(true);
    ip.setColor(Color.BLACK);
    ip.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    ip.drawString(m.name(), 10, 28);
    ip.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int x0 = LEFT;
    int w = width - LEFT - RIGHT;
    int y = TOP + ROW / 2;
    // Points axis 0..maxScale
    double ms = m.maxScale();
    List<double[]> ticks = new ArrayList<>();
    for (double t = 0; t <= ms + 1e-9; t += ms / 10) {
      ticks.add(new double[] {x0 + t / ms * w, t});
    }
    axis(ip, "Points", y, x0, x0 + w, ticks, null);
    double pointsPerPixel = ms / w;
    for (NomogramModel.Term t : m.terms()) {
      y += ROW;
      String label = t.label() + (t.unit() == null || t.unit().isEmpty() ? "" : " (" + t.unit() + ")");
      if (t.type() == NomogramModel.Type.CONTINUOUS) {
        List<double[]> tk = new ArrayList<>();
        for (double v : niceTicks(t.min(), t.max(), 8)) {
          tk.add(new double[] {x0 + m.points(t, v) / pointsPerPixel, v});
        }
        double xa = x0 + m.points(t, t.min()) / pointsPerPixel;
        double xb = x0 + m.points(t, t.max()) / pointsPerPixel;
        axis(ip, label, y, (int) Math.round(Math.min(xa, xb)), (int) Math.round(Math.max(xa, xb)),
            tk, null);
      } else {
        List<double[]> tk = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < t.levels().size(); l++) {
          double x = x0 + m.pointsForLevel(t, l) / pointsPerPixel;
          tk.add(new double[] {x, l});
          names.add(t.levels().get(l));
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        axis(ip, label, y, (int) Math.round(lo), (int) Math.round(hi), tk, names);
      }
    }
    // Total points axis
    y += ROW;
    double tmax = niceCeil(m.maxTotalPoints());
    List<double[]> tt = new ArrayList<>();
    for (double v : niceTicks(0, tmax, 10)) {
      tt.add(new double[] {x0 + v / tmax * w, v});
    }
    axis(ip, "Total points", y, x0, x0 + w, tt, null);
    // Probability axis
    y += ROW;
    double r = m.pointsRange();
    double lp0 = m.linearPredictorForPoints(0);
    List<double[]> pt = new ArrayList<>();
    double pmin = Logistic.sigmoid(lp0);
    double pmax = Logistic.sigmoid(m.linearPredictorForPoints(tmax));
    double[] probs = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
    for (double p : probs) {
      if (p < pmin || p > pmax) {
        continue;
      }
      double total = (Math.log(p / (1 - p)) - lp0) * ms / r;
      pt.add(new double[] {x0 + total / tmax * w, p});
    }
    int xa = (int) Math.round(x0 + Math.max(0, (logit(Math.max(pmin, 1e-6)) - lp0) * ms / r) / tmax * w);
    axis(ip, "Risk of " + m.outcome(), y, xa, x0 + w, pt, null);
    ip.setFont(small);
    int yf = TOP + rows * ROW + 10;
    for (String line : footer) {
      yf += 15;
      ip.drawString(line, 10, yf);
    }
    return new ImagePlus("Nomogram", ip);
  }

  /** Greedy word wrap to a pixel width. */
  static List<String> wrap(ColorProcessor ip, String text, int maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String next = cur.length() == 0 ? word : cur + " " + word;
      if (ip.getStringWidth(next) > maxWidth && cur.length() > 0) {
        lines.add(cur.toString());
        cur = new StringBuilder(word);
      } else {
        cur = new StringBuilder(next);
      }
    }
    if (cur.length() > 0) {
      lines.add(cur.toString());
    }
    return lines;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static void axis(ColorProcessor ip, String label, int y, int xa, int xb,
      List<double[]> ticks, List<String> names) {
    ip.setColor(Color.BLACK);
    ip.drawString(label, 10, y + 6);
    ip.drawLine(xa, y, xb, y);
    int lastRightDown = Integer.MIN_VALUE;
    int lastRightUp = Integer.MIN_VALUE;
    for (int i = 0; i < ticks.size(); i++) {
      double[] t = ticks.get(i);
      int x = (int) Math.round(t[0]);
      ip.drawLine(x, y - 5, x, y);
      String s = names != null ? names.get(i) : fmt(t[1]);
      int sw = ip.getStringWidth(s);
      int left = x - sw / 2;
      // below the axis when it fits, else above (staggered); a number that fits in neither row
      // is left out (its tick stays), so crowded probability ticks never overprint; level names
      // are always written
      if (left >= lastRightDown + 4) {
        ip.drawString(s, left, y + 20);
        lastRightDown = left + sw;
      } else if (left >= lastRightUp + 4 || names != null) {
        ip.drawString(s, left, y - 8);
        lastRightUp = left + sw;
      }
    }
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.3g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  static double niceCeil(double v) {
    double step = niceStep(v / 10);
    return Math.ceil(v / step - 1e-9) * step;
  }

  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return n * mag;
  }

  /** Round-number ticks within [lo, hi], always including both ends' nearest ticks. */
  static double[] niceTicks(double lo, double hi, int target) {
    double step = niceStep((hi - lo) / target);
    double first = Math.ceil(lo / step - 1e-9) * step;
    List<Double> t = new ArrayList<>();
    for (double v = first; v <= hi + 1e-9 * step; v += step) {
      t.add(Math.abs(v) < 1e-12 * step ? 0 : v);
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
