package org.habitatj.core.features;

/**
 * The ROI cannot give features: empty, a single voxel, too few dimensions or too few voxels (case
 * C04/C05). Batch callers catch it and write one error row per case instead of stopping.
 */
public class RoiException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public RoiException(String message) {
    super(message);
  }
}
