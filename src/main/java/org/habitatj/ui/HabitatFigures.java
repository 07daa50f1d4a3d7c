package org.habitatj.ui;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ByteProcessor;
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
  /** Smallest long side (pixels) a displayed or saved habitat picture is enlarged to. */
  public static final int MIN_SIDE = 256;

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
   * The habitat LUT for the display range 0..k: black for 0, {@link HabitatOverlay#PALETTE}[(v −
   * 1) mod 12] for v = 1..k. ImageJ shows an 8-bit value v with display range 0..k through LUT
   * index i(v) (≈ 256·v/k); that mapping is taken from ImageJ itself (a ramp 0..k with the range
   * set, read back through the grey LUT) and LUT index j shows the habitat v whose i(v) is
   * nearest (bands split half-way between consecutive i(v)). Use through {@link #colourHabitats}.
   *
   * @throws IllegalArgumentException when k is not in 1..85 (3 LUT entries per habitat at least)
   */
  public static LUT habitatLut(int k) {
    if (k < 1 || k > 85) {
      throw new IllegalArgumentException("number of habitats must be in 1..85, got " + k);
    }
    ByteProcessor ramp = new ByteProcessor(k + 1, 1);
    for (int v = 0; v <= k; v++) {
      ramp.set(v, 0, v);
    }
    ramp.setMinAndMax(0, k);
    ImageProcessor grey = ramp.convertToRGB();
    int[] index = new int[k + 1];
    for (int v = 0; v <= k; v++) {
      index[v] = grey.get(v, 0) & 0xff;
    }
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    int v = 0;
    for (int j = 0; j < 256; j++) {
      while (v < k && 2 * j >= index[v] + index[v + 1]) {
        v++;
      }
      if (v > 0) {
        int c = HabitatOverlay.PALETTE[(v - 1) % HabitatOverlay.PALETTE.length];
        r[j] = (byte) (c >> 16);
        g[j] = (byte) (c >> 8);
        b[j] = (byte) c;
      }
    }
    return new LUT(r, g, b);
  }

  /**
   * Gives an 8-bit habitat label image (values 0..k) the habitat colours: {@link #habitatLut(int)}
   * and the display range 0..k, so that it shows (and, saved as TIFF, opens in Fiji) with
   * background black and habitat v in the colour of the overlays' key.
   */
  public static void colourHabitats(ImagePlus labels, int k) {
    labels.setLut(habitatLut(k));
    labels.setDisplayRange(0, k);
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

  /** Display name of a K-selection criterion ("silhouette", "calinski_harabasz"). */
  public static String criterionName(String criterion) {
    return switch (criterion) {
      case "silhouette" -> "Mean silhouette width";
      case "calinski_harabasz" -> "Calinski-Harabasz index";
      default -> criterion;
    };
  }

  /** Colour of the chosen K's marker on the K-selection plot. */
  public static final Color CHOSEN = new Color(213, 94, 0);

  /**
   * A plot of a K-selection curve (criterion against K), as an RGB image: the title ("K
   * selection: criterion - caption") in a band above the plot, axes "Number of habitats K" and the
   * criterion's name, the curve in blue and the chosen K as a larger orange point on a dotted
   * orange vertical line, labelled "chosen K = k" (legend and text). Integer K ticks; the frame is padded so that no point lies
   * on it.
   *
   * @param ks the K values, ascending
   * @param values the criterion per K
   * @param chosenK the K that was chosen (one of {@code ks})
   * @param criterion "silhouette" or "calinski_harabasz" (or any name to show)
   * @param caption shown after the criterion in the title (e.g. the image name), may be empty
   * @param title the window title
   */
  public static ImagePlus kCurvePlot(int[] ks, double[] values, int chosenK, String criterion,
      String caption, String title) {
    double[] x = new double[ks.length];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double best = Double.NaN;
    for (int i = 0; i < ks.length; i++) {
      x[i] = ks[i];
      if (Double.isFinite(values[i])) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
      if (ks[i] == chosenK) {
        best = values[i];
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    String name = criterionName(criterion);
    Plot plot = new Plot(title, "Number of habitats K", name);
    double pad = 0.12 * (hi - lo);
    plot.setLimits(ks[0] - 0.5, ks[ks.length - 1] + 0.5, lo - pad, hi + 2 * pad);
    plot.setXMinorTicks(false);
    Color blue = new Color(0, 114, 178);
    plot.setColor(blue, blue); // the second colour is the connecting line's (black if unset)
    plot.setLineWidth(2);
    plot.add("connected circle", x, values);
    plot.setColor(CHOSEN, CHOSEN);
    plot.setLineWidth(4);
    plot.add("circle", new double[] {chosenK}, new double[] {best});
    plot.setLineWidth(1);
    plot.drawDottedLine(chosenK, lo - pad, chosenK, hi + 2 * pad, 3);
    plot.setColor(Color.BLACK);
    String mark = "chosen K = " + chosenK;
    plot.addLegend(name + "\n" + mark, "top-right");
    plot.setJustification(Plot.CENTER);
    plot.addText(mark, chosenK, best + 0.7 * pad);
    ImageProcessor ip = plot.getImagePlus().getProcessor();
    // the title in a band above the plot (ImageJ plots draw none)
    String head = "K selection: " + name + (caption == null || caption.isEmpty() ? ""
        : " - " + caption);
    Font font = new Font("SansSerif", Font.BOLD, 15);
    int band = 28;
    ColorProcessor out = new ColorProcessor(ip.getWidth(), ip.getHeight() + band);
    out.setColor(Color.WHITE);
    out.fill();
    out.insert(ip.convertToRGB(), 0, band);
    out.setFont(font);
    out.setAntialiasedText(true);
    out.setColor(Color.BLACK);
    out.setJustification(ImageProcessor.CENTER_JUSTIFY);
    out.drawString(head, out.getWidth() / 2, band - 6);
    return new ImagePlus(title, out);
  }

  /**
   * The integer nearest-neighbour magnification that brings the long side of a {@code w × h}
   * picture to at least {@code minSide} pixels (1 when it is already that large; at most 16).
   */
  public static int enlargement(int w, int h, int minSide) {
    int longSide = Math.max(1, Math.max(w, h));
    return Math.max(1, Math.min(16, (minSide + longSide - 1) / longSide));
  }

  /** {@code ip} enlarged by the integer factor {@code f}, nearest neighbour (labels stay crisp). */
  public static ImageProcessor enlarge(ImageProcessor ip, int f) {
    if (f <= 1) {
      return ip;
    }
    ip.setInterpolationMethod(ImageProcessor.NONE);
    return ip.resize(ip.getWidth() * f, ip.getHeight() * f);
  }

  /**
   * A copy of {@code imp} (every slice) enlarged by {@link #enlargement}{@code (w, h, minSide)},
   * nearest neighbour, for display; {@code imp} itself when no enlargement is needed. The spatial
   * calibration follows: pixel width and height divided by the factor f and the x/y origin (in
   * pixels) multiplied by f, so ImageJ coordinates x' = f·x mark the same physical point and
   * lengths and areas measured on the copy are those of the original; z, units and the image's
   * string properties (e.g. its geometry) are kept.
   */
  public static ImagePlus enlargeForDisplay(ImagePlus imp, int minSide) {
    int f = enlargement(imp.getWidth(), imp.getHeight(), minSide);
    if (f == 1) {
      return imp;
    }
    ij.ImageStack src = imp.getStack();
    ij.ImageStack dst = new ij.ImageStack(imp.getWidth() * f, imp.getHeight() * f);
    for (int i = 1; i <= src.getSize(); i++) {
      dst.addSlice(src.getSliceLabel(i), enlarge(src.getProcessor(i), f));
    }
    ImagePlus out = new ImagePlus(imp.getTitle(), dst);
    out.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
    ij.measure.Calibration c = imp.getCalibration().copy();
    c.pixelWidth /= f;
    c.pixelHeight /= f;
    c.xOrigin *= f;
    c.yOrigin *= f;
    out.setCalibration(c);
    String[] props = imp.getPropertiesAsArray();
    if (props != null) {
      out.setProperties(props);
    }
    return out;
  }

  /**
   * A colour key as a non-destructive ImageJ overlay (Image › Overlay › Hide Overlay removes it;
   * File › Save As › PNG after Image › Overlay › Flatten keeps it): in the bottom-left corner of
   * an image {@code width} pixels wide and {@code height} high, on a translucent black strip, one
   * swatch per habitat 1..k (habitat colours) with its number. Shown on every slice.
   */
  public static ij.gui.Overlay keyOverlay(int k, int width, int height) {
    int fs = Math.max(10, Math.min(16, width / 24));
    Font font = new Font("SansSerif", Font.BOLD, fs);
    ColorProcessor probe = new ColorProcessor(1, 1);
    probe.setFont(font);
    int pad = 3;
    int x = pad;
    int[] xs = new int[k];
    for (int h = 1; h <= k; h++) {
      xs[h - 1] = x;
      x += fs + 2 + probe.getStringWidth(Integer.toString(h)) + fs / 2;
    }
    int stripW = Math.min(width, x + pad);
    int y0 = Math.max(0, height - fs - 2 * pad - 2);
    ij.gui.Overlay ov = new ij.gui.Overlay();
    ij.gui.Roi strip = new ij.gui.Roi(0, y0, stripW, height - y0);
    strip.setFillColor(new Color(0, 0, 0, 160));
    ov.add(strip);
    for (int h = 1; h <= k; h++) {
      ij.gui.Roi sw = new ij.gui.Roi(xs[h - 1], y0 + pad + 1, fs, fs);
      sw.setFillColor(new Color(HabitatOverlay.PALETTE[(h - 1) % HabitatOverlay.PALETTE.length]));
      ov.add(sw);
      ij.gui.TextRoi t = new ij.gui.TextRoi(xs[h - 1] + fs + 2, y0 + pad - 1,
          Integer.toString(h), font);
      t.setStrokeColor(Color.WHITE);
      ov.add(t);
    }
    return ov;
  }

  /**
   * A self-explaining habitat figure: {@code picture} (RGB, already enlarged) above a white band
   * with the colour key (one swatch per habitat 1..k in {@link HabitatOverlay#PALETTE} colours,
   * labelled with its number, plus a "ring" swatch when {@code ring}) and the caption lines
   * (wrapped to the picture width). Pixels only, no window: works headless.
   *
   * @param picture the image part, e.g. an enlarged {@link HabitatOverlay#render}
   * @param k number of habitats (≥ 1)
   * @param ring whether the picture shows the peritumoral ring tint
   * @param caption caption lines (K, slice, scores, ...), drawn below the key
   */
  public static ImagePlus withLegend(ImageProcessor picture, int k, boolean ring,
      List<String> caption, String title) {
    int w = picture.getWidth();
    int fs = Math.max(12, Math.min(20, w / 28));
    Font font = new Font("SansSerif", Font.PLAIN, fs);
    ColorProcessor probe = new ColorProcessor(1, 1);
    probe.setFont(font);
    int pad = fs / 2;
    int line = fs + fs / 3;
    // key entries: "■ 1", "■ 2", ..., "■ ring"
    List<String> labels = new java.util.ArrayList<>();
    for (int h = 1; h <= k; h++) {
      labels.add(Integer.toString(h));
    }
    if (ring) {
      labels.add("ring");
    }
    String head = "Habitat:";
    int headW = probe.getStringWidth(head) + pad;
    // key entries laid out left to right, wrapping under the first entry
    int[] ex = new int[labels.size()];
    int[] er = new int[labels.size()];
    int x = pad + headW;
    int row = 0;
    for (int i = 0; i < labels.size(); i++) {
      int cw = fs + pad / 2 + probe.getStringWidth(labels.get(i)) + fs;
      if (x + cw > w - pad / 2 && x > pad + headW) {
        x = pad + headW;
        row++;
      }
      ex[i] = x;
      er[i] = row;
      x += cw;
    }
    int keyRows = row + 1;
    List<String> lines = new java.util.ArrayList<>();
    for (String c : caption) {
      lines.addAll(wrap(probe, c, w - 2 * pad));
    }
    int band = pad + keyRows * line + pad / 2 + lines.size() * line + pad;
    ColorProcessor out = new ColorProcessor(w, picture.getHeight() + band);
    out.setColor(Color.WHITE);
    out.fill();
    out.insert(picture.convertToRGB(), 0, 0);
    out.setFont(font);
    out.setAntialiasedText(true);
    int y = picture.getHeight() + pad;
    out.setColor(Color.BLACK);
    out.drawString(head, pad, y + fs);
    for (int i = 0; i < labels.size(); i++) {
      int yy = y + er[i] * line;
      boolean isRing = ring && i == labels.size() - 1;
      if (isRing) {
        // the ring's checkerboard, in checks of about a fifth of the swatch
        int cell = Math.max(2, fs / 5);
        for (int cy = 0; cy < fs; cy += cell) {
          for (int cx = 0; cx < fs; cx += cell) {
            out.setColor(HabitatOverlay.ringTone(cx / cell, cy / cell) == 255 ? Color.WHITE
                : Color.BLACK);
            out.fillRect(ex[i] + cx, yy + 2 + cy, Math.min(cell, fs - cx), Math.min(cell,
                fs - cy));
          }
        }
      } else {
        out.setColor(new Color(HabitatOverlay.PALETTE[i % HabitatOverlay.PALETTE.length]));
        out.fillRect(ex[i], yy + 2, fs, fs);
      }
      out.setColor(Color.BLACK);
      out.drawRect(ex[i], yy + 2, fs, fs);
      out.drawString(labels.get(i), ex[i] + fs + pad / 2, yy + fs);
    }
    y += keyRows * line + pad / 2;
    for (String l : lines) {
      out.drawString(l, pad, y + fs);
      y += line;
    }
    return new ImagePlus(title, out);
  }

  /** {@code text} split at spaces into lines no wider than {@code width} pixels. */
  static List<String> wrap(ImageProcessor ip, String text, int width) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = cur.length() == 0 ? word : cur + " " + word;
      if (cur.length() > 0 && ip.getStringWidth(next) > width) {
        out.add(cur.toString());
        cur = new StringBuilder(word);
      } else {
        cur = new StringBuilder(next);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
