package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.features.FirstOrder;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * First-order maps through {@link FirstOrder#compute} on the window's intensities (raw,
 * after normalisation if enabled) and grey levels (Entropy, Uniformity use the map's
 * discretisation, histogram size Ng), with a reusable per-thread workspace: no allocation per
 * voxel.
 */
final class FirstOrderWindowCalculator implements WindowCalculator {

  @Override
  public List<FeatureInfo> features() {
    return FirstOrder.FEATURES;
  }

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings s) {
    FirstOrder.Workspace ws = new FirstOrder.Workspace(maxVoxels, 64);
    double shift = s.voxelArrayShift();
    return (w, out, off) -> {
      double[] sp = w.spacing();
      FirstOrder.compute(w.values(), w.levels(), w.count(), w.ng(), sp[0] * sp[1] * sp[2], shift,
          s.kurtosisConvention(), ws, out, off);
    };
  }
}
