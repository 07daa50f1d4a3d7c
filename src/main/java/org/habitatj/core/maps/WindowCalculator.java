package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * Computes the features of one family on a {@link Window}. Implementations are stateless
 * factories; {@link #newWorker} creates the per-thread object that owns reusable buffers.
 */
interface WindowCalculator {

  /** The features, in output order (PyRadiomics order of the family). */
  List<FeatureInfo> features();

  /** A worker for one thread; {@code maxVoxels} is the largest possible window. */
  Worker newWorker(int maxVoxels, RadiomicsSettings settings);

  /** Per-thread worker. */
  interface Worker {
    /** Writes {@code features().size()} values into {@code out} starting at {@code offset}. */
    void compute(Window w, double[] out, int offset);
  }
}
