package org.habitatj.core.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.Discretization;

/**
 * Turns the (pre-processed) intensities of an ROI into grey levels 1..Ng on the ROI bounding box:
 * the input of every texture family and of the first-order Entropy/Uniformity.
 *
 * <h2>Edge rules (documented choice, case C07)</h2>
 *
 * <ul>
 *   <li><b>Fixed bin width</b> (PyRadiomics {@code binWidth}, default): lowBound = min − (min mod
 *       w) with Python's floored modulo (so lowBound = ⌊min/w⌋·w up to rounding, also for negative
 *       values); edges = {@code numpy.arange(lowBound, max + 2w, w)} reproduced bit for bit: edge 0
 *       = lowBound, edge 1 = lowBound + w, edge i = lowBound + i·((lowBound + w) − lowBound), count
 *       = ⌈(max + 2w − lowBound)/w⌉; a single edge becomes {e − 0.5, e + 0.5}. Level =
 *       numpy.digitize (number of edges ≤ x), so a value exactly on an edge goes to the upper bin
 *       and the top edge is handled like PyRadiomics. For {0.05, 0.15, 0.25, 0.95} with w = 0.1 the
 *       levels are 1, 2, 3, 10.
 *   <li><b>Fixed bin count</b> (PyRadiomics {@code binCount}, IBSI FBN): edges = {@code
 *       numpy.histogram(values, n)} edges (numpy.linspace(min, max, n + 1); min ± 0.5 when flat),
 *       last edge + 1, then numpy.digitize: levels 1..n, the maximum in bin n.
 *   <li><b>IBSI fixed bin size</b>: level = ⌊(x − x_min)/w⌋ + 1 with x_min the lower bound of an
 *       absolute re-segmentation range when one is set, else the ROI minimum (IBSI-1 2.7).
 * </ul>
 *
 * <p>Ng of a whole-ROI {@link DiscretizedRoi} is the highest level present in the ROI (PyRadiomics
 * {@code coefficients['Ng']}). For sliding windows, compute the edges once over the whole ROI with
 * {@link #edges(double[], RadiomicsSettings)} and discretise windows with {@link
 * #discretize(double[], Geometry, Mask, int[], BinEdges, int)}, giving the global Ng.
 *
 * <p>Before anything is allocated, the number of bins implied by the setting is estimated and the
 * discretisation is refused with an {@link IllegalArgumentException} when it exceeds {@link
 * RadiomicsSettings#greyLevelLimit()}; above {@link RadiomicsSettings#greyLevelWarning()} a warning
 * is added to {@link BinEdges#warnings()}.
 */
public final class Discretizer {

  private Discretizer() {}

  /**
   * Bin edges of the given ROI intensities under the settings' discretisation.
   *
   * @param roiValues intensities of the ROI voxels (any order, at least one, all finite)
   * @param settings discretisation, binWidth/binCount, grey-level warning and limit
   * @return the edges and the bin count
   * @throws IllegalArgumentException if there are no values, a value is not finite, or the bin
   *     count would exceed {@code settings.greyLevelLimit()} (message gives the expected count and
   *     a suggestion)
   */
  public static BinEdges edges(double[] roiValues, RadiomicsSettings settings) {
    if (roiValues.length == 0) {
      throw new IllegalArgumentException("cannot discretise an empty ROI");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : roiValues) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("ROI contains a non-finite intensity (" + v + ")");
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return edges(min, max, settings);
  }

  /**
   * Bin edges from the ROI minimum and maximum (all three rules only need these).
   *
   * @throws IllegalArgumentException as {@link #edges(double[], RadiomicsSettings)}
   */
  public static BinEdges edges(double min, double max, RadiomicsSettings settings) {
    List<String> warnings = new ArrayList<>();
    Discretization d = settings.discretization();
    if (d == Discretization.FIXED_BIN_COUNT) {
      int n = settings.binCount();
      checkCount(n, settings, "binCount " + n, warnings, min, max);
      double first = min;
      double last = max;
      if (first == last) {
        first -= 0.5;
        last += 0.5;
      }
      double[] e = linspace(first, last, n + 1);
      e[n] += 1;
      return new BinEdges(BinEdges.Kind.EDGES, e, n, warnings);
    }
    double w = settings.binWidth();
    if (d == Discretization.FIXED_BIN_SIZE_IBSI) {
      double xmin = min;
      double[] rr = settings.resegmentRange();
      if (rr != null && settings.resegmentMode() == RadiomicsSettings.ResegmentMode.ABSOLUTE
          && Double.isFinite(rr[0])) {
        xmin = rr[0];
      }
      double nb = Math.floor((max - xmin) / w) + 1;
      checkCount(nb, settings, describeWidth(w, min, max), warnings, min, max);
      return new BinEdges(BinEdges.Kind.IBSI_FBS, new double[] {xmin, w}, (int) nb, warnings);
    }
    // PyRadiomics fixed bin width (imageoperations.getBinEdges).
    double low = min - pyMod(min, w);
    double high = max + 2 * w;
    double count = Math.ceil((high - low) / w); // numpy.arange length
    // Bins = edges - 1; the estimate is checked before allocating anything.
    checkCount(count - 1, settings, describeWidth(w, min, max), warnings, min, max);
    int n = (int) count;
    double[] e;
    if (n <= 1) {
      double e0 = low;
      e = new double[] {e0 - 0.5, e0 + 0.5};
    } else {
      e = new double[n];
      e[0] = low;
      e[1] = low + w;
      double delta = e[1] - e[0];
      for (int i = 2; i < n; i++) {
        e[i] = low + i * delta;
      }
    }
    return new BinEdges(BinEdges.Kind.EDGES, e, e.length - 1, warnings);
  }

  /** numpy.linspace(start, stop, num) with endpoint: i·step + start, last = stop exactly. */
  private static double[] linspace(double start, double stop, int num) {
    double[] y = new double[num];
    int div = num - 1;
    double step = (stop - start) / div;
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /** Python/numpy floored modulo for doubles: result has the sign of the divisor. */
  static double pyMod(double a, double b) {
    double m = a % b; // C fmod
    if (m != 0) {
      if ((b < 0) != (m < 0)) {
        m += b;
      }
    } else {
      m = Math.copySign(0.0, b);
    }
    return m;
  }

  private static String describeWidth(double w, double min, double max) {
    return String.format(
        Locale.ROOT, "binWidth %s on the ROI intensity range [%s, %s]", num(w), num(min), num(max));
  }

  private static void checkCount(
      double bins,
      RadiomicsSettings s,
      String what,
      List<String> warnings,
      double min,
      double max) {
    if (bins > s.greyLevelLimit()) {
      double suggested = (max - min) / 64.0;
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s would give about %.0f grey levels, more than the limit of %d (greyLevelLimit); "
                  + "use a larger binWidth (e.g. %s for about 64 levels) or a fixed bin count "
                  + "(binCount, e.g. 64)",
              what,
              bins,
              s.greyLevelLimit(),
              num(suggested)));
    }
    if (bins > s.greyLevelWarning()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s gives %.0f grey levels (more than %d); texture matrices will be large and sparse; "
                  + "about 16-128 levels are usual",
              what,
              bins,
              s.greyLevelWarning()));
    }
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(?=$|e)", "");
  }

  /**
   * Intensities of the ROI voxels in index order (x fastest).
   *
   * @param image intensities of the whole grid, x fastest, length = voxel count of the mask's
   *     geometry
   * @param mask the ROI
   */
  public static double[] roiValues(double[] image, Mask mask) {
    byte[] m = mask.data();
    if (image.length != m.length) {
      throw new IllegalArgumentException(
          "image has " + image.length + " voxels, mask has " + m.length);
    }
    double[] out = new double[mask.count()];
    int k = 0;
    for (int i = 0; i < m.length; i++) {
      if (m[i] != 0) {
        out[k++] = image[i];
      }
    }
    return out;
  }

  /**
   * Whole-ROI discretisation: edges from the ROI intensities, levels on the ROI bounding box, Ng =
   * highest level present (PyRadiomics whole-ROI convention).
   *
   * @param image intensities of the whole grid (after pre-processing), x fastest
   * @param mask the ROI (non-empty), same grid
   * @param settings discretisation settings
   * @throws IllegalArgumentException if the mask is empty or the bin count is refused
   */
  public static DiscretizedRoi discretize(double[] image, Mask mask, RadiomicsSettings settings) {
    BinEdges e = edges(roiValues(image, mask), settings);
    return discretize(image, mask.geometry(), mask, boxOf(mask), e, 0);
  }

  /**
   * Discretises the ROI voxels inside a box with given edges (sliding windows, or reuse of the
   * whole-ROI edges).
   *
   * @param image intensities of the whole grid, x fastest
   * @param grid the grid of {@code image} and {@code mask}
   * @param mask voxels to keep (others get level 0); may be null for "every voxel in the box"
   * @param box inclusive box {x0, y0, z0, x1, y1, z1} on the grid
   * @param edges edges computed once (e.g. over the whole ROI)
   * @param ng number of grey levels to record; 0 = the highest level present in the box
   * @return levels on the box, 0 outside the mask
   * @throws IllegalArgumentException if a voxel gets a level below 1 (value under the first edge)
   *     or no voxel is inside the mask
   */
  public static DiscretizedRoi discretize(
      double[] image, Geometry grid, Mask mask, int[] box, BinEdges edges, int ng) {
    int[] gs = grid.size();
    int sx = box[3] - box[0] + 1;
    int sy = box[4] - box[1] + 1;
    int sz = box[5] - box[2] + 1;
    int[] levels = new int[sx * sy * sz];
    byte[] m = mask == null ? null : mask.data();
    int maxLevel = 0;
    int k = 0;
    for (int z = box[2]; z <= box[5]; z++) {
      for (int y = box[1]; y <= box[4]; y++) {
        int row = gs[0] * (y + gs[1] * z);
        for (int x = box[0]; x <= box[3]; x++, k++) {
          int i = row + x;
          if (m == null || m[i] != 0) {
            int lv = edges.level(image[i]);
            if (lv < 1) {
              throw new IllegalArgumentException(
                  "intensity " + image[i] + " at voxel (" + x + ", " + y + ", " + z
                      + ") lies below the first bin edge " + edges.lowerBound()
                      + " (edges were computed on other data)");
            }
            levels[k] = lv;
            if (lv > maxLevel) {
              maxLevel = lv;
            }
          }
        }
      }
    }
    if (maxLevel == 0) {
      throw new IllegalArgumentException("no ROI voxel inside the box");
    }
    return new DiscretizedRoi(
        new int[] {sx, sy, sz}, levels, ng > 0 ? Math.max(ng, maxLevel) : maxLevel, grid.spacing());
  }

  /**
   * Grey levels of single values with given edges (e.g. the ROI value array used by first-order
   * features).
   */
  public static int[] levels(double[] values, BinEdges edges) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = edges.level(values[i]);
    }
    return out;
  }

  /** Bounding box of a non-empty mask. */
  static int[] boxOf(Mask mask) {
    int[] b = mask.boundingBox();
    if (b == null) {
      throw new IllegalArgumentException("mask is empty");
    }
    return b;
  }
}
