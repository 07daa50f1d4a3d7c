package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.DiscretizedRoi;
import org.habitatj.core.features.FeatureFamily;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Generic window path: builds the window's {@link DiscretizedRoi} (tight bounding box of the
 * window's voxels, levels 0 elsewhere, Ng of the map's discretisation) in a reusable buffer and
 * calls the whole-ROI {@link FeatureFamily}. By construction the map value equals the whole-ROI
 * feature on a mask equal to the window with the same bin edges (case C11).
 */
final class FamilyWindowCalculator implements WindowCalculator {

  private final FeatureFamily family;

  FamilyWindowCalculator(FeatureFamily family) {
    this.family = family;
  }

  @Override
  public List<FeatureInfo> features() {
    return family.features();
  }

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings settings) {
    return (w, out, off) -> {
      DiscretizedRoi roi =
          new DiscretizedRoi(new int[] {w.gx(), w.gy(), w.gz()}, w.grid(), w.ng(), w.spacing());
      double[] v = family.compute(roi, settings);
      System.arraycopy(v, 0, out, off, v.length);
    };
  }
}
