package org.habitatj.core.maps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Per-pixel features exactly as the ITHscore package (LiJiaqi96/ITHscore v0.2.3, {@code
 * locate_tumor(padding=2)} + {@code extract_radiomic_features}) computes them on one slice.
 *
 * <ul>
 *   <li>Sub-grid: the tumour's bounding box in the slice padded by 2 pixels (clipped at the image
 *       border; the package would index negatively there, case C18 (ii)).
 *   <li>For every tumour pixel, in row-major order over the sub-grid (y slowest, x fastest): a 5×5
 *       window centred on it, clipped to the sub-grid and <b>not</b> intersected with the tumour,
 *       run through PyRadiomics with default settings (binWidth 25, 3D angles, all seven classes,
 *       107 features) as a separate extraction: the window's own bin edges and Ng ({@link
 *       MapDiscretization#PER_WINDOW}), the shape of the window, and <b>spacing 1</b> (the package
 *       builds the image with {@code sitk.GetImageFromArray}, losing the calibration).
 *   <li>Columns in the package's block order: firstorder (18), shape (14), glcm (24), gldm (14),
 *       glrlm (16), glszm (16), ngtdm (5), each block in PyRadiomics order.
 * </ul>
 *
 * The values are the raw matrix the package feeds to its MinMaxScaler (reference file {@code
 * reference/ithscore/<case>_features_raw.csv}).
 */
public final class IthscoreWindowFeatures {

  /** Padding of the tumour box and half-width of the window (ITHscore's {@code padding=2}). */
  public static final int PADDING = 2;

  /** The package's block order. */
  public static final List<String> BLOCKS =
      List.of("firstorder", "shape", "glcm", "gldm", "glrlm", "glszm", "ngtdm");

  private IthscoreWindowFeatures() {}

  /**
   * The per-pixel feature matrix.
   *
   * @param features the 107 features, column order
   * @param x slice x of each row's pixel
   * @param y slice y of each row's pixel
   * @param values {@code values[row][column]}
   * @param subGrid tumour box ± 2 in the slice, inclusive {x0, y0, x1, y1}
   */
  public record Result(List<FeatureInfo> features, int[] x, int[] y, double[][] values, int[] subGrid) {}

  /**
   * Computes the matrix on slice {@code z} of the volume.
   *
   * @param image calibrated intensities
   * @param mask tumour (same grid); only its voxels in slice z are used
   * @param z slice index
   * @param threads worker threads (results do not depend on it)
   * @param progress progress and cancel
   * @throws IllegalArgumentException if the tumour is empty in slice z or the grids differ
   */
  public static Result compute(Volume image, Mask mask, int z, int threads, Progress progress) {
    Geometry g = image.geometry();
    if (z < 0 || z >= g.size(2)) {
      throw new IllegalArgumentException("slice " + z + " is outside the image (0.." + (g.size(2) - 1) + ")");
    }
    int sx = g.size(0);
    int sy = g.size(1);
    double[] all = image.toDoubleArray();
    double[] slice = new double[sx * sy];
    System.arraycopy(all, sx * sy * z, slice, 0, sx * sy);
    byte[] m = new byte[sx * sy];
    System.arraycopy(mask.data(), sx * sy * z, m, 0, sx * sy);
    Geometry unit = Geometry.of(new int[] {sx, sy, 1}, new double[] {1, 1, 1});
    Mask sm = new Mask(m, unit);
    if (sm.isEmpty()) {
      throw new IllegalArgumentException("the tumour mask has no pixel in slice " + z);
    }
    Map<String, List<String>> fams = new LinkedHashMap<>();
    for (String b : BLOCKS) {
      fams.put(b, List.of());
    }
    RadiomicsSettings s =
        RadiomicsSettings.builder().binWidth(25).kernelRadius(PADDING).maskedKernel(false).build();
    FeatureMapEngine engine =
        FeatureMapEngine.builder(Volume.ofDoubles(slice, unit), sm)
            .settings(s)
            .kernel(KernelShape.SQUARE_2D)
            .discretization(MapDiscretization.PER_WINDOW)
            .features(fams)
            .threads(threads)
            .progress(progress)
            .build();
    int[] bb = sm.boundingBox();
    int n = sm.count();
    int[] xs = new int[n];
    int[] ys = new int[n];
    int[] row = new int[sx * sy];
    int nf = engine.features().size();
    double[][] v = new double[n][];
    int k = 0;
    for (int yy = bb[1]; yy <= bb[4]; yy++) {
      for (int xx = bb[0]; xx <= bb[3]; xx++) {
        int i = xx + sx * yy;
        if (m[i] != 0) {
          xs[k] = xx;
          ys[k] = yy;
          row[i] = k++;
        }
      }
    }
    engine.runInto((ordinal, gi, values) -> v[row[gi]] = java.util.Arrays.copyOf(values, nf));
    int[] sub = {
      Math.max(0, bb[0] - PADDING),
      Math.max(0, bb[1] - PADDING),
      Math.min(sx - 1, bb[3] + PADDING),
      Math.min(sy - 1, bb[4] + PADDING)
    };
    return new Result(engine.features(), xs, ys, v, sub);
  }
}
