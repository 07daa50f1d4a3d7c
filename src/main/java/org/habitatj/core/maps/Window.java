package org.habitatj.core.maps;

/**
 * The voxels of one sliding window, refilled by the engine for every map voxel and handed to the
 * {@link WindowCalculator}s. One instance per worker thread; nothing here is allocated per voxel.
 *
 * <p>Coordinates are in the engine's internal crop box (the ROI bounding box padded by at least
 * the kernel radius, clipped at the image border), x fastest.
 *
 * <ul>
 *   <li>{@code n} included voxels (kernel ∩ image, further ∩ ROI for a masked kernel), listed in
 *       x-fastest order: {@code values[i]} calibrated intensity, {@code levels[i]} grey level
 *       1..{@code ng}, {@code boxIndex[i]} crop-box linear index.
 *   <li>The tight bounding box of the included voxels, {@code (x0..x1, y0..y1, z0..z1)} inclusive,
 *       and {@link #grid()}: its grey levels with 0 for voxels not included (size {@code gx·gy·gz},
 *       x fastest). This is exactly the {@code DiscretizedRoi} the whole-ROI extractor builds for a
 *       mask equal to the window (oracle of case C11).
 * </ul>
 */
public final class Window {

  // crop box (shared, read-only during a run)
  final int bx;
  final int by;
  final int bz;
  final double[] spacing;

  // kernel half-widths, eligibility (ROI or all) and grey levels on the crop box
  int rx;
  int ry;
  int rz;
  byte[] eligible;
  /** Grey level per crop-box voxel, valid at least for every voxel of the current window. */
  int[] boxLevels;
  /** Distinct grey levels of the whole discretisation region (WHOLE_ROI_ONCE). */
  int distinctLevels;
  // kernel extents (∩ crop box = ∩ image), inclusive
  int kx0;
  int kx1;
  int ky0;
  int ky1;
  int kz0;
  int kz1;

  // current window
  int cx;
  int cy;
  int cz;
  int x0;
  int x1;
  int y0;
  int y1;
  int z0;
  int z1;
  int n;
  int ng;
  final double[] values;
  final int[] levels;
  final int[] boxIndex;
  /** Crop-box coordinates (x, y, z) of the included voxels (same order as {@code boxIndex}). */
  final int[] boxX;
  final int[] boxY;
  final int[] boxZ;
  private final int[][] gridByLength;
  private int[] grid;
  private boolean gridValid;

  Window(int bx, int by, int bz, double[] spacing, int maxVoxels) {
    this.bx = bx;
    this.by = by;
    this.bz = bz;
    this.spacing = spacing.clone();
    this.values = new double[maxVoxels];
    this.levels = new int[maxVoxels];
    this.boxIndex = new int[maxVoxels];
    this.boxX = new int[maxVoxels];
    this.boxY = new int[maxVoxels];
    this.boxZ = new int[maxVoxels];
    this.gridByLength = new int[maxVoxels + 1][];
  }

  /** Number of included voxels (≥ 1). */
  public int count() {
    return n;
  }

  /** Number of grey levels (matrix size) of this window's discretisation. */
  public int ng() {
    return ng;
  }

  /** Calibrated intensities of the included voxels, first {@link #count()} entries valid. */
  public double[] values() {
    return values;
  }

  /** Grey levels (1..ng) of the included voxels, first {@link #count()} entries valid. */
  public int[] levels() {
    return levels;
  }

  /** Voxel spacing (x, y, z) in mm (do not modify). */
  public double[] spacing() {
    return spacing;
  }

  /** Size (x, y, z) of the tight bounding box of the included voxels. */
  public int gx() {
    return x1 - x0 + 1;
  }

  public int gy() {
    return y1 - y0 + 1;
  }

  public int gz() {
    return z1 - z0 + 1;
  }

  /**
   * Grey levels on the tight bounding box ({@link #gx()}·{@link #gy()}·{@link #gz()}, x fastest),
   * 0 for voxels not in the window. The array is reused (one per length) and has exactly that
   * length; it is valid until the next window.
   */
  public int[] grid() {
    if (!gridValid) {
      int gx = gx();
      int gy = gy();
      int len = gx * gy * gz();
      int[] g = gridByLength[len];
      if (g == null) {
        g = new int[len];
        gridByLength[len] = g;
      } else {
        java.util.Arrays.fill(g, 0);
      }
      int bxy = bx * by;
      for (int i = 0; i < n; i++) {
        int b = boxIndex[i];
        int z = b / bxy;
        int r = b - z * bxy;
        int y = r / bx;
        int x = r - y * bx;
        g[(x - x0) + gx * ((y - y0) + gy * (z - z0))] = levels[i];
      }
      grid = g;
      gridValid = true;
    }
    return grid;
  }

  /** Number of distinct grey levels among the window's voxels. */
  int distinctWindowLevels() {
    if (seen.length < ng + 1) {
      seen = new boolean[ng + 1];
    }
    int d = 0;
    for (int i = 0; i < n; i++) {
      int l = levels[i];
      if (!seen[l]) {
        seen[l] = true;
        d++;
      }
    }
    for (int i = 0; i < n; i++) {
      seen[levels[i]] = false;
    }
    return d;
  }

  private boolean[] seen = new boolean[0];

  void invalidate() {
    gridValid = false;
  }
}
