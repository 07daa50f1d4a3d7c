package org.habitatj.ui;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;

/**
 * Habitat overlay for display and PNG export: the image in grey (each slice scaled to the 1st–99th
 * percentile of the slices shown), habitats 1..K in a fixed palette at {@value #HABITAT_ALPHA}
 * opacity (close to the key's colours, anatomy still faintly visible), and the peritumoral ring as
 * a black-and-white checkerboard of image pixels at {@value #RING_ALPHA} opacity, which stands out
 * on dark and bright tissue alike. Builds pixels only (no window), so it works headless.
 */
public final class HabitatOverlay {

  /** Habitat colours (RGB), habitat h uses PALETTE[(h - 1) % length]. */
  public static final int[] PALETTE = {
    0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6, 0xBFEF45,
    0xFABED4, 0x469990, 0xDCBEFF
  };

  /** Opacity of the habitat colours. */
  public static final double HABITAT_ALPHA = 0.8;

  /** Opacity of the ring's black and white checks. */
  public static final double RING_ALPHA = 0.7;

  /**
   * The ring's tone at image pixel (x, y): white where x + y is even, black where odd.
   *
   * @return 255 or 0
   */
  public static int ringTone(int x, int y) {
    return ((x + y) & 1) == 0 ? 255 : 0;
  }

  private HabitatOverlay() {}

  /**
   * An RGB image of the given slices.
   *
   * @param intensities calibrated image values, x fastest, on {@code g}
   * @param habitats habitat label per voxel (0 = none), same layout
   * @param ring ring mask (may be null)
   * @param g the grid
   * @param z0 first slice (0-based)
   * @param z1 last slice (inclusive)
   * @param title the image title
   */
  public static ImagePlus render(double[] intensities, int[] habitats, Mask ring, Geometry g,
      int z0, int z1, String title) {
    int w = g.size(0);
    int h = g.size(1);
    int nxy = w * h;
    double[] sample = new double[(z1 - z0 + 1) * nxy];
    System.arraycopy(intensities, z0 * nxy, sample, 0, sample.length);
    java.util.Arrays.sort(sample);
    double lo = sample[(int) (0.01 * (sample.length - 1))];
    double hi = sample[(int) (0.99 * (sample.length - 1))];
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    ImageStack st = new ImageStack(w, h);
    for (int z = z0; z <= z1; z++) {
      int[] px = new int[nxy];
      for (int i = 0; i < nxy; i++) {
        int v = z * nxy + i;
        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, (intensities[v] - lo) / (hi - lo))));
        int r = grey;
        int gr = grey;
        int b = grey;
        int lab = habitats[v];
        if (lab > 0) {
          int c = PALETTE[(lab - 1) % PALETTE.length];
          r = blend(grey, (c >> 16) & 255, HABITAT_ALPHA);
          gr = blend(grey, (c >> 8) & 255, HABITAT_ALPHA);
          b = blend(grey, c & 255, HABITAT_ALPHA);
        } else if (ring != null && ring.contains(v)) {
          int t = ringTone(i % w, i / w);
          r = blend(grey, t, RING_ALPHA);
          gr = r;
          b = r;
        }
        px[i] = (r << 16) | (gr << 8) | b;
      }
      st.addSlice("z=" + z, new ColorProcessor(w, h, px));
    }
    return new ImagePlus(title, st);
  }

  private static int blend(int grey, int colour, double alpha) {
    return (int) Math.round((1 - alpha) * grey + alpha * colour);
  }
}
