package org.habitatj.core.features;

import java.util.List;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * One texture feature family (GLCM, GLRLM, GLSZM, GLDM, NGTDM): builds its matrix from a {@link
 * DiscretizedRoi} and computes every feature of the family from it. The whole-ROI extractor and the
 * sliding-window maps both go through this interface, so a map value equals the whole-ROI value on
 * the window (case C11).
 */
public interface FeatureFamily {

  /** PyRadiomics class name: "glcm", "glrlm", "glszm", "gldm", "ngtdm". */
  String name();

  /** The family's features in PyRadiomics output order. */
  List<FeatureInfo> features();

  /**
   * Computes all features of the family, in the order of {@link #features()}.
   *
   * @param roi discretised ROI (or kernel window); must contain at least one ROI voxel
   * @param settings distances, force2D, symmetry, gldm_a, direction aggregation, ...
   * @return one value per feature (flat-region conventions applied, see each family's Javadoc)
   */
  double[] compute(DiscretizedRoi roi, RadiomicsSettings settings);
}
