package org.habitatj.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ImageProcessor;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import org.habitatj.core.clinical.BundledModelGenerator;
import org.habitatj.core.clinical.ModelTrainer;
import org.habitatj.core.clinical.NomogramModel;
import org.habitatj.core.stats.Calibration;
import org.habitatj.core.stats.Roc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders every plot headless (surefire sets java.awt.headless=true) and inspects the pixels. */
class ClinicalPlotsTest {
  static ModelTrainer.Result r;

  @BeforeAll
  static void train() {
    assertTrue(GraphicsEnvironment.isHeadless());
    r = BundledModelGenerator.train();
  }

  static int nonWhite(ImageProcessor ip) {
    int c = 0;
    for (int i = 0; i < ip.getPixelCount(); i++) {
      if ((ip.get(i) & 0xffffff) != 0xffffff) {
        c++;
      }
    }
    return c;
  }

  @Test
  void rocCalibrationDecisionRender() {
    List<String> names = List.of("train", "test");
    Plot roc = ClinicalPlots.roc("ROC", List.of(r.train().roc(), r.test().roc()), names);
    ImagePlus im = roc.getImagePlus();
    assertTrue(im.getWidth() > 100 && im.getHeight() > 100);
    assertTrue(nonWhite(im.getProcessor()) > 1000);
    // the curve data are the ROC curve points
    float[] xs = roc.getXValues();
    assertEquals(0f, xs[0]);
    Plot cal = ClinicalPlots.calibration("Calibration",
        List.of(r.train().calibration(), r.test().calibration()), names);
    assertTrue(nonWhite(cal.getImagePlus().getProcessor()) > 1000);
    Plot dca = ClinicalPlots.decisionCurve("DCA",
        List.of(r.train().decisionCurve(), r.test().decisionCurve()), names);
    assertTrue(nonWhite(dca.getImagePlus().getProcessor()) > 1000);
  }

  /** Pixels of exactly colour {@code c} within {@code r} pixels of (x, y). */
  static int near(ImageProcessor ip, int x, int y, int r, java.awt.Color c) {
    int n = 0;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        n += (ip.getPixel(x + dx, y + dy) & 0xffffff) == (c.getRGB() & 0xffffff) ? 1 : 0;
      }
    }
    return n;
  }

  static int count(ImageProcessor ip, java.awt.Color c) {
    int n = 0;
    for (int i = 0; i < ip.getPixelCount(); i++) {
      n += (ip.get(i) & 0xffffff) == (c.getRGB() & 0xffffff) ? 1 : 0;
    }
    return n;
  }

  @Test
  void perfectRocIsDrawnInsideTheFrame() {
    // AUC 1: the curve runs (0,0) -> (0,1) -> (1,1), i.e. along the left and top of [0,1]^2
    Roc perfect = Roc.of(new double[] {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, new int[] {0, 0, 0, 1, 1, 1});
    assertEquals(1.0, perfect.auc(), 0);
    Plot p = ClinicalPlots.roc("ROC", List.of(perfect), List.of("perfect"));
    double[] lim = p.getLimits();
    assertTrue(lim[0] < 0 && lim[1] > 1 && lim[2] < 0 && lim[3] > 1, Arrays.toString(lim));
    ImageProcessor ip = p.getImagePlus().getProcessor();
    java.awt.Color c = ClinicalPlots.COLORS[0];
    // on sensitivity 1 (y = 1, x = 0.5) and on 1-specificity 0 (x = 0, y = 0.5): curve colour,
    // and the frame (at y = 1.02) is a few pixels away, so the curve is not hidden under it
    int x1 = (int) Math.round(p.scaleXtoPxl(0.5));
    int y1 = (int) Math.round(p.scaleYtoPxl(1.0));
    assertTrue(near(ip, x1, y1, 1, c) >= 3, "top edge of the curve not drawn");
    assertTrue(Math.abs(p.scaleYtoPxl(1.02) - y1) >= 4);
    int x0 = (int) Math.round(p.scaleXtoPxl(0.0));
    int y0 = (int) Math.round(p.scaleYtoPxl(0.5));
    assertTrue(near(ip, x0, y0, 1, c) >= 3, "left edge of the curve not drawn");
    // the chance diagonal (grey) passes through (0.5, 0.5)
    assertTrue(near(ip, (int) Math.round(p.scaleXtoPxl(0.5)),
        (int) Math.round(p.scaleYtoPxl(0.5)), 2, java.awt.Color.GRAY) >= 1);
  }

  @Test
  void calibrationSeriesHaveTheirOwnColourAndReadableLegend() {
    List<Calibration.Result> cals = List.of(r.train().calibration(), r.test().calibration());
    Plot p = ClinicalPlots.calibration("Calibration", cals, List.of("train", "test"));
    ImageProcessor ip = p.getImagePlus().getProcessor();
    for (int s = 0; s < 2; s++) {
      Calibration.Result c = cals.get(s);
      java.awt.Color col = ClinicalPlots.COLORS[s];
      // the connecting line at the middle of the longest segment has the series' colour
      int best = 0;
      double len = -1;
      for (int i = 0; i + 1 < c.meanPredicted().length; i++) {
        double d = Math.hypot(p.scaleXtoPxl(c.meanPredicted()[i + 1]) - p.scaleXtoPxl(c.meanPredicted()[i]),
            p.scaleYtoPxl(c.observed()[i + 1]) - p.scaleYtoPxl(c.observed()[i]));
        if (d > len) {
          len = d;
          best = i;
        }
      }
      assertTrue(len > 20, "segment too short to probe: " + len);
      double mx = (c.meanPredicted()[best] + c.meanPredicted()[best + 1]) / 2;
      double my = (c.observed()[best] + c.observed()[best + 1]) / 2;
      assertTrue(near(ip, (int) Math.round(p.scaleXtoPxl(mx)), (int) Math.round(p.scaleYtoPxl(my)),
          1, col) >= 1, "series " + s + " line is not in its colour");
    }
    assertTrue(ClinicalPlots.calibrationLabel("train", cals.get(0)).matches(
        "train: slope \\d+\\.\\d\\d, intercept -?\\d+\\.\\d\\d, Brier 0\\.\\d{3}"),
        ClinicalPlots.calibrationLabel("train", cals.get(0)));
    Calibration.Result sep = Calibration.of(new int[] {0, 0, 0, 1, 1, 1},
        new double[] {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, 2);
    // Brier: (0.01+0.04+0.09+0.09+0.04+0.01)/6 = 0.28/6 = 0.0467
    assertEquals("Test: slope, intercept not estimable (perfect separation), Brier 0.047",
        ClinicalPlots.calibrationLabel("Test", sep));
    assertEquals("0.00", ClinicalPlots.fixed(-0.001, 2));
    assertEquals("0.00", ClinicalPlots.fixed(-0.0, 2));
    assertEquals("-0.01", ClinicalPlots.fixed(-0.006, 2));
    assertEquals("0", ClinicalPlots.fixed(-0.2, 0));
  }

  @Test
  void decisionCurveReferenceLinesDiffer() {
    Plot p = ClinicalPlots.decisionCurve("DCA", List.of(r.train().decisionCurve()),
        List.of("train"));
    ImageProcessor ip = p.getImagePlus().getProcessor();
    assertNotEquals(ClinicalPlots.TREAT_ALL, ClinicalPlots.TREAT_NONE);
    // treat none is the line y = 0; treat all starts at the prevalence for threshold 0
    int yNone = (int) Math.round(p.scaleYtoPxl(0));
    assertTrue(near(ip, (int) Math.round(p.scaleXtoPxl(0.8)), yNone, 1, ClinicalPlots.TREAT_NONE) >= 1);
    assertTrue(count(ip, ClinicalPlots.TREAT_ALL) > 100, "treat-all line and legend sample");
    // two sets: each set's own treat-all line (it depends on the set's prevalence), at the
    // prevalence for threshold 0, in two colours
    Plot two = ClinicalPlots.decisionCurve("DCA", List.of(r.train().decisionCurve(),
        r.test().decisionCurve()), List.of("train", "test"));
    ImageProcessor ip2 = two.getImagePlus().getProcessor();
    java.awt.Color second = ClinicalPlots.TREAT_ALL.brighter();
    int x0 = (int) Math.round(two.scaleXtoPxl(r.test().decisionCurve().thresholds()[0]));
    int y0 = (int) Math.round(two.scaleYtoPxl(r.test().decisionCurve().treatAll()[0]));
    assertTrue(near(ip2, x0 + 2, y0, 2, second) >= 1, "test set's treat-all line");
    assertTrue(count(ip2, ClinicalPlots.TREAT_ALL) > 100 && count(ip2, second) > 100);
  }

  @Test
  void nomogramRendersAxesWherePointsSay() {
    NomogramModel m = NomogramModel.bundled();
    ImagePlus im = NomogramDrawing.draw(m, 1000);
    ImageProcessor ip = im.getProcessor();
    assertEquals(1000, im.getWidth());
    assertTrue(im.getHeight() > NomogramDrawing.TOP + (m.terms().size() + 3) * NomogramDrawing.ROW + 60);
    // Points axis: a black horizontal line from x=LEFT to x=width-RIGHT at y = TOP + ROW/2
    int y = NomogramDrawing.TOP + NomogramDrawing.ROW / 2;
    for (int x = NomogramDrawing.LEFT; x <= 1000 - NomogramDrawing.RIGHT; x += 7) {
      assertEquals(0, ip.get(x, y) & 0xffffff, "points axis pixel at x=" + x);
    }
    // the term with the widest range spans the whole axis; the ROMA axis starts at the x of its
    // minimum's points and ends at the x of its maximum's points
    NomogramModel.Term roma = m.term("ROMA");
    int w = 1000 - NomogramDrawing.LEFT - NomogramDrawing.RIGHT;
    int yr = y + NomogramDrawing.ROW;
    int xa = (int) Math.round(NomogramDrawing.LEFT + m.points(roma, roma.min()) / 100 * w);
    int xb = (int) Math.round(NomogramDrawing.LEFT + m.points(roma, roma.max()) / 100 * w);
    assertEquals(0, ip.get(xa, yr) & 0xffffff);
    assertEquals(0, ip.get(xb, yr) & 0xffffff);
    assertEquals(0xffffff, ip.get(xb + 3, yr) & 0xffffff);
    assertTrue(nonWhite(ip) > 5000);
  }

  @Test
  void niceTicks() {
    assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, NomogramDrawing.niceTicks(0, 100, 5), 1e-12);
    assertArrayEquals(new double[] {0.3, 0.4, 0.5, 0.6, 0.7}, NomogramDrawing.niceTicks(0.2311, 0.7074, 5), 1e-12);
    assertEquals(250, NomogramDrawing.niceCeil(231.4), 1e-12);
    assertEquals("0.35", NomogramDrawing.fmt(0.35));
  }
}
