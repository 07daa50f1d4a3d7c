package org.habitatj.core.image;

import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;

/** Resampling to a given voxel spacing (PyRadiomics resampledPixelSpacing). */
public final class Resampler {

  private Resampler() {}

  /** Resampled image, mask and grid. */
  public record Resampled(double[] image, Mask mask, Geometry geometry, List<String> warnings) {}

  /**
   * Resamples image and mask to {@code settings.resampledPixelSpacing()}.
   *
   * @throws UnsupportedOperationException always (not implemented yet)
   */
  public static Resampled resample(double[] image, Mask mask, RadiomicsSettings settings) {
    throw new UnsupportedOperationException("resampledPixelSpacing is not supported yet");
  }
}
