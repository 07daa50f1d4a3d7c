package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.image.Geometry;

/**
 * Result of a feature-map computation: one map per feature on the full input grid.
 *
 * @param geometry the input image grid (size, spacing, origin, direction) of every map
 * @param features the features, in map order
 * @param maps {@code maps[f][x + sx·(y + sy·z)]}: feature f at voxel (x, y, z); NaN outside the
 *     ROI, never 0
 * @param radiusVoxels kernel half-width (x, y, z) in voxels actually used
 * @param radiusMm kernel half-width (x, y, z) in mm ({@code radiusVoxels · spacing})
 * @param description human-readable kernel/discretisation description for logs and headers
 */
public record FeatureMaps(
    Geometry geometry,
    List<FeatureInfo> features,
    float[][] maps,
    int[] radiusVoxels,
    double[] radiusMm,
    String description) {

  /** The map of the feature with this PyRadiomics name, e.g. {@code original_glcm_Contrast}. */
  public float[] map(String pyradiomicsName) {
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).pyradiomicsName().equals(pyradiomicsName)) {
        return maps[i];
      }
    }
    throw new IllegalArgumentException("no map named " + pyradiomicsName);
  }
}
