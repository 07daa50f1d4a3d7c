package org.habitatj.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless (surefire: java.awt.headless=true) checks of the habitat pictures' pixels. */
class HabitatFiguresTest {

  @Test
  void habitatLutShowsEachLabelInItsColourForRange0ToK(@TempDir Path tmp) {
    for (int k = 1; k <= 40; k++) {
      ByteProcessor bp = new ByteProcessor(k + 1, 1);
      for (int v = 0; v <= k; v++) {
        bp.set(v, 0, v);
      }
      ImagePlus imp = new ImagePlus("labels", bp);
      HabitatFigures.colourHabitats(imp, k);
      assertEquals(k, imp.getDisplayRangeMax(), 0);
      // saved as TIFF and read back, as Fiji opens it
      String f = tmp.resolve("k" + k + ".tif").toString();
      ij.IJ.saveAsTiff(imp, f);
      ImagePlus back = ij.IJ.openImage(f);
      ImageProcessor rgb = back.getProcessor().convertToRGB();
      assertEquals(0, rgb.get(0, 0) & 0xffffff, "background, k=" + k);
      for (int v = 1; v <= k; v++) {
        assertEquals(HabitatOverlay.PALETTE[(v - 1) % 12], rgb.get(v, 0) & 0xffffff,
            "label " + v + " of k=" + k);
      }
    }
  }

  @Test
  void enlargementReachesTheMinimumSide() {
    assertEquals(4, HabitatFigures.enlargement(77, 79, 256)); // ceil(256/79) = 4 -> 316 px
    assertEquals(6, HabitatFigures.enlargement(77, 79, 400)); // ceil(400/79) = 6 -> 474 px
    assertEquals(1, HabitatFigures.enlargement(512, 300, 256));
    ImageProcessor big = HabitatFigures.enlarge(new ByteProcessor(3, 2), 4);
    assertEquals(12, big.getWidth());
    assertEquals(8, big.getHeight());
  }

  @Test
  void legendBandHasASwatchPerHabitatAndTheCaption() {
    ColorProcessor pic = new ColorProcessor(80, 60);
    pic.setColor(java.awt.Color.DARK_GRAY);
    pic.fill();
    ImageProcessor big = HabitatFigures.enlarge(pic, HabitatFigures.enlargement(80, 60, 256));
    assertEquals(320, big.getWidth());
    ImagePlus fig = HabitatFigures.withLegend(big, 12, true,
        List.of("case: K = 12 habitats; slice 5 of 9 (1-based)", "ITH score 0.500"), "fig");
    ImageProcessor ip = fig.getProcessor();
    assertEquals(320, fig.getWidth());
    assertTrue(fig.getHeight() > 240 + 3 * 14, "legend band too small: " + fig.getHeight());
    // 12 swatches of at least 12 x 12 pixels of the palette colours below the picture
    for (int h = 1; h <= 12; h++) {
      int n = 0;
      for (int y = 240; y < fig.getHeight(); y++) {
        for (int x = 0; x < 320; x++) {
          n += (ip.get(x, y) & 0xffffff) == HabitatOverlay.PALETTE[h - 1] ? 1 : 0;
        }
      }
      assertTrue(n >= 100, "habitat " + h + " swatch has " + n + " pixels");
    }
    // text (dark antialiased pixels) in the caption rows, and the picture unchanged above
    assertEquals(java.awt.Color.DARK_GRAY.getRGB() & 0xffffff, ip.get(100, 100) & 0xffffff);
    int dark = 0;
    for (int y = fig.getHeight() - 30; y < fig.getHeight(); y++) {
      for (int x = 0; x < 320; x++) {
        dark += (ip.get(x, y) & 0xff) < 100 ? 1 : 0;
      }
    }
    assertTrue(dark > 50, "no caption text");
  }

  static int count(ImageProcessor ip, int rgb, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = 0; x < ip.getWidth(); x++) {
        n += (ip.get(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void kCurvePlotHasTitleCurveAndChosenK() {
    ImagePlus p = HabitatFigures.kCurvePlot(new int[] {2, 3, 4, 5}, new double[] {0.3, 0.5, 0.4,
        0.35}, 3, "silhouette", "case 1", "K plot");
    ImageProcessor ip = p.getProcessor();
    assertEquals("K plot", p.getTitle());
    assertEquals("Mean silhouette width", HabitatFigures.criterionName("silhouette"));
    assertEquals("Calinski-Harabasz index", HabitatFigures.criterionName("calinski_harabasz"));
    // title band: dark text in the top 28 rows
    int dark = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < ip.getWidth(); x++) {
        dark += (ip.get(x, y) & 0xff) < 100 ? 1 : 0;
      }
    }
    assertTrue(dark > 100, "no title: " + dark);
    // the chosen K's marker, line and legend sample in orange; the curve in blue
    assertTrue(count(ip, HabitatFigures.CHOSEN.getRGB() & 0xffffff, 28, ip.getHeight()) > 60);
    assertTrue(count(ip, 0x0072B2, 28, ip.getHeight()) > 200);
  }

  @Test
  void enlargedCopyKeepsPhysicalCoordinates() {
    ij.ImageStack st = new ij.ImageStack(77, 79);
    st.addSlice(new ColorProcessor(77, 79));
    st.addSlice(new ColorProcessor(77, 79));
    ImagePlus imp = new ImagePlus("ov", st);
    ij.measure.Calibration c = imp.getCalibration();
    c.pixelWidth = 0.8;
    c.pixelHeight = 0.9;
    c.pixelDepth = 3;
    c.xOrigin = -10;
    c.yOrigin = 5;
    c.setUnit("mm");
    imp.setProp("habitatj.geometry", "direction=1,0,0,0,1,0,0,0,1;space=LPS");
    ImagePlus big = HabitatFigures.enlargeForDisplay(imp, 256);
    // ceil(256 / 79) = 4
    assertEquals(308, big.getWidth());
    assertEquals(316, big.getHeight());
    assertEquals(2, big.getStackSize());
    ij.measure.Calibration b = big.getCalibration();
    assertEquals(0.2, b.pixelWidth, 1e-15);
    assertEquals(0.225, b.pixelHeight, 1e-15);
    assertEquals(3, b.pixelDepth, 0);
    assertEquals("mm", b.getUnit());
    // ImageJ x = 12 on the original and x = 48 on the copy are the same point in mm
    assertEquals(c.getX(12), b.getX(48), 1e-12);
    assertEquals(c.getY(7.5), b.getY(30), 1e-12);
    assertEquals("direction=1,0,0,0,1,0,0,0,1;space=LPS", big.getProp("habitatj.geometry"));
    // a large image is returned as is
    ImagePlus large = new ImagePlus("l", new ColorProcessor(300, 200));
    assertTrue(large == HabitatFigures.enlargeForDisplay(large, 256));
  }

  @Test
  void keyOverlayHasASwatchPerHabitatInTheBottomLeftCorner() {
    ij.gui.Overlay ov = HabitatFigures.keyOverlay(6, 308, 316);
    // strip + 6 swatches + 6 numbers
    assertEquals(13, ov.size());
    for (int h = 1; h <= 6; h++) {
      ij.gui.Roi sw = ov.get(2 * h - 1);
      assertEquals(HabitatOverlay.PALETTE[h - 1], sw.getFillColor().getRGB() & 0xffffff);
      assertTrue(sw.getBounds().y + sw.getBounds().height <= 316);
      assertTrue(sw.getBounds().y > 316 - 40, "swatch not at the bottom: " + sw.getBounds());
      assertEquals(Integer.toString(h), ((ij.gui.TextRoi) ov.get(2 * h)).getText().trim());
    }
    // flattened (as File > Save As PNG after Flatten), the swatch colours are in the picture
    ImagePlus imp = new ImagePlus("ov", new ColorProcessor(308, 316));
    imp.setOverlay(ov);
    ImageProcessor flat = imp.flatten().getProcessor();
    for (int h = 1; h <= 6; h++) {
      assertTrue(count(flat, HabitatOverlay.PALETTE[h - 1], 276, 316) >= 64, "habitat " + h);
    }
  }
}
