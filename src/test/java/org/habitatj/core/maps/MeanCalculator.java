package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.settings.RadiomicsSettings;

/** Test calculator: plain arithmetic mean of the window's intensities (and its voxel count). */
final class MeanCalculator implements WindowCalculator {
  @Override
  public List<FeatureInfo> features() {
    return List.of(new FeatureInfo("test", "Mean", ""), new FeatureInfo("test", "Count", ""));
  }

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings settings) {
    return (w, out, off) -> {
      double s = 0;
      for (int i = 0; i < w.count(); i++) {
        s += w.values()[i];
      }
      out[off] = s / w.count();
      out[off + 1] = w.count();
    };
  }
}
