package org.habitatj.ui;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.habitatj.core.image.Geometry;

/**
 * Habitat figures built without windows (they work headless): the distinct-colour LUT of habitat
 * label images, the K-montage for choosing K by eye and the K-selection curve plot.
 */
public final class HabitatFigures {

  /** Smallest panel side (pixels) the montage scales a tumour crop up to. */
  public static final int MIN_PANEL = 240;
  /** Pixels around the tumour's bounding box in a montage panel (before scaling). */
  public static final int MARGIN = 6;
  /** Gap between montage panels (pixels, white). */
  public static final int GAP = 4;

  private HabitatFigures() {}

  /**
   * The habitat LUT: index 0 black, index v ≥ 1 {@link HabitatOverlay#PALETTE}[(v − 1) mod 12].
   * Use with the display range 0–255 so a pixel value is its LUT index.
   */
  public static LUT habitatLut() {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int v = 1; v < 256; v++) {
      int c = HabitatOverlay.PALETTE[(v - 1) % HabitatOverlay.PALETTE.length];
      r[v] = (byte) (c >> 16);
      g[v] = (byte) (c >> 8);
      b[v] = (byte) c;
    }
    return new LUT(r, g, b);
  }

  /**
   * Montage layout: every panel shows the same crop of one slice, scaled by an integer factor.
   *
   * @param x0 left of the crop (pixels of the image)
   * @param y0 top of the crop
   * @param cropWidth crop width (pixels of the image)
   * @param cropHeight crop height
   * @param scale nearest-neighbour magnification
   * @param columns panels per row
   * @param rows rows of panels
   */
  public record Layout(int x0, int y0, int cropWidth, int cropHeight, int scale, int columns,
      int rows) {

    public int panelWidth() {
      return cropWidth * scale;
    }

    public int panelHeight() {
      return cropHeight * scale;
    }

    /** Left edge of panel {@code i} (0-based, row-major). */
    public int panelX(int i) {
      return (i % columns) * (panelWidth() + GAP);
    }

    /** Top edge of panel {@code i}. */
    public int panelY(int i) {
      return (i / columns) * (panelHeight() + GAP);
    }

    public int width() {
      return columns * panelWidth() + (columns - 1) * GAP;
    }

    public int height() {
      return rows * panelHeight() + (rows - 1) * GAP;
    }
  }

  /**
   * The layout of {@code n} panels showing slice {@code z} around the labelled pixels: the
   * bounding box of the non-zero labels of slice z in any map, plus {@link #MARGIN} (clipped to
   * the image), scaled by ⌈{@link #MIN_PANEL} / longest side⌉ (at most 16), ⌈√n⌉ columns.
   *
   * @param labelMaps habitat labels per map, x fastest, on {@code g}
   * @throws IllegalArgumentException when no map has a label on slice z
   */
  public static Layout layout(List<int[]> labelMaps, Geometry g, int z) {
    int w = g.size(0);
    int h = g.size(1);
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int[] l : labelMaps) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (l[(z * h + y) * w + x] != 0) {
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
          }
        }
      }
    }
    if (x1 < 0) {
      throw new IllegalArgumentException("no habitat on slice " + z);
    }
    x0 = Math.max(0, x0 - MARGIN);
    y0 = Math.max(0, y0 - MARGIN);
    x1 = Math.min(w - 1, x1 + MARGIN);
    y1 = Math.min(h - 1, y1 + MARGIN);
    int cw = x1 - x0 + 1;
    int ch = y1 - y0 + 1;
    int scale = Math.min(16, Math.max(1, (MIN_PANEL + Math.max(cw, ch) - 1) / Math.max(cw, ch)));
    int n = labelMaps.size();
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    return new Layout(x0, y0, cw, ch, scale, cols, rows);
  }

  /**
   * An RGB montage: panel i is {@link HabitatOverlay#render} of slice z with {@code
   * labelMaps.get(i)}, cropped and scaled as {@link #layout}, captioned {@code captions.get(i)}
   * (white on black, top left); panels row-major, white gaps.
   *
   * @param intensities calibrated image values, x fastest, on {@code g}
   */
  public static ImagePlus montage(double[] intensities, List<int[]> labelMaps,
      List<String> captions, Geometry g, int z, String title) {
    Layout lay = layout(labelMaps, g, z);
    ColorProcessor out = new ColorProcessor(lay.width(), lay.height());
    out.setColor(Color.WHITE);
    out.fill();
    Font font = new Font("SansSerif", Font.BOLD, Math.max(12, lay.panelWidth() / 14));
    for (int i = 0; i < labelMaps.size(); i++) {
      ImageProcessor p = HabitatOverlay.render(intensities, labelMaps.get(i), null, g, z, z, "")
          .getProcessor();
      p.setRoi(lay.x0(), lay.y0(), lay.cropWidth(), lay.cropHeight());
      p = p.crop();
      p.setInterpolationMethod(ImageProcessor.NONE);
      p = p.resize(lay.panelWidth(), lay.panelHeight());
      p.setFont(font);
      p.setAntialiasedText(true);
      p.setColor(Color.WHITE);
      p.drawString(captions.get(i), 3, font.getSize() + 3, Color.BLACK);
      out.insert(p, lay.panelX(i), lay.panelY(i));
    }
    return new ImagePlus(title, out);
  }

  /** A plot of a K-selection curve (criterion against K), as an image. */
  public static ImagePlus kCurvePlot(int[] ks, double[] values, String criterion, String title) {
    double[] x = new double[ks.length];
    for (int i = 0; i < ks.length; i++) {
      x[i] = ks[i];
    }
    Plot plot = new Plot(title, "K", criterion);
    plot.add("connected circle", x, values);
    return plot.getImagePlus();
  }
}
