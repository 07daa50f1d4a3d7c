package org.habitatj.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ImageProcessor;
import java.awt.GraphicsEnvironment;
import java.util.List;
import org.habitatj.core.clinical.BundledModelGenerator;
import org.habitatj.core.clinical.ModelTrainer;
import org.habitatj.core.clinical.NomogramModel;
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
