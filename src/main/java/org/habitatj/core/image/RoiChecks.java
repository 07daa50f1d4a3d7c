package org.habitatj.core.image;

/**
 * Checks that an ROI is large enough for feature extraction (case C04), with PyRadiomics'
 * semantics:
 *
 * <ul>
 *   <li><b>ROI dimensionality</b> = the number of axes along which the ROI's bounding box spans
 *       more than one voxel (PyRadiomics {@code imageoperations.checkMask}). A single voxel is
 *       0-dimensional, two voxels side by side 1-dimensional, a one-slice ROI 2-dimensional.
 *   <li>{@code minimumROIDimensions} (PyRadiomics default 2, range 1–3): an ROI with fewer
 *       dimensions is refused. A single voxel is always refused.
 *   <li>{@code minimumROISize} (PyRadiomics default: none, here 0 = none): an ROI with fewer
 *       voxels is refused.
 * </ul>
 */
public final class RoiChecks {

  private RoiChecks() {}

  /**
   * {@link #check(Mask, int, int)} with the settings' {@code minimumROIDimensions} and {@code
   * minimumROISize}.
   */
  public static void check(Mask mask, org.habitatj.core.settings.RadiomicsSettings settings) {
    check(mask, settings.minimumROIDimensions(), settings.minimumROISize());
  }

  /** Number of axes along which the ROI's bounding box is longer than one voxel (0–3). */
  public static int dimensionality(Mask mask) {
    int[] bb = mask.boundingBox();
    if (bb == null) {
      return 0;
    }
    int d = 0;
    for (int a = 0; a < 3; a++) {
      if (bb[a + 3] > bb[a]) {
        d++;
      }
    }
    return d;
  }

  /**
   * Throws if the ROI is unusable.
   *
   * @param mask the ROI
   * @param minimumRoiDimensions PyRadiomics {@code minimumROIDimensions} (1, 2 or 3)
   * @param minimumRoiSize PyRadiomics {@code minimumROISize}; 0 = no minimum
   * @throws MaskException EMPTY for an empty mask; DEGENERATE with "ROI has 1 voxel (needs ≥ N)"
   *     or "ROI is 1-dimensional …" otherwise
   * @throws IllegalArgumentException if {@code minimumRoiDimensions} is not 1, 2 or 3
   */
  public static void check(Mask mask, int minimumRoiDimensions, int minimumRoiSize) {
    if (minimumRoiDimensions < 1 || minimumRoiDimensions > 3) {
      throw new IllegalArgumentException(
          "minimumROIDimensions must be 1, 2 or 3, got " + minimumRoiDimensions);
    }
    int count = mask.count();
    if (count == 0) {
      throw new MaskException(MaskException.Reason.EMPTY, "mask is empty (no ROI voxel)");
    }
    if (count < minimumRoiSize) {
      throw new MaskException(
          MaskException.Reason.DEGENERATE,
          "ROI has " + count + (count == 1 ? " voxel" : " voxels") + " (needs ≥ "
              + minimumRoiSize + ", setting minimumROISize)");
    }
    if (count == 1) {
      throw new MaskException(
          MaskException.Reason.DEGENERATE,
          "ROI has 1 voxel (needs ≥ 2): features cannot be computed for a single voxel");
    }
    int dims = dimensionality(mask);
    if (dims < minimumRoiDimensions) {
      int[] bb = mask.boundingBox();
      throw new MaskException(
          MaskException.Reason.DEGENERATE,
          "ROI is " + dims + "-dimensional (bounding box " + (bb[3] - bb[0] + 1) + "×"
              + (bb[4] - bb[1] + 1) + "×" + (bb[5] - bb[2] + 1) + " voxels, " + count
              + " voxels); minimumROIDimensions = " + minimumRoiDimensions
              + " needs an ROI extending along at least " + minimumRoiDimensions + " axes");
    }
  }
}
