package org.habitatj.core.features;

import org.habitatj.core.image.MaskException;

/**
 * The ROI cannot give features: empty, a single voxel, too few dimensions or too few voxels (case
 * C04/C05); a {@link MaskException} with reason EMPTY or DEGENERATE, thrown by {@link
 * FeatureExtractor}. Batch callers catch it and write one error row per case instead of stopping.
 */
public class RoiException extends MaskException {

  private static final long serialVersionUID = 1L;

  public RoiException(Reason reason, String message) {
    super(reason, message);
  }
}
