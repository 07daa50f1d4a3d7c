package org.habitatj.core.maps;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * PyRadiomics {@code normalize}: (x − mean) / σ · normalizeScale with mean and σ (N − 1) over
 * every voxel of the input image (not the ROI).
 *
 * <p>TODO(featcore): delegate to the whole-ROI extractor's preprocessing once it has landed.
 */
final class Normalization {
  private Normalization() {}

  static void apply(Volume volume, RadiomicsSettings s, double[] box) {
    double sum = 0;
    long n = 0;
    Cursor<? extends RealType<?>> c = Views.flatIterable(volume.values()).cursor();
    while (c.hasNext()) {
      sum += c.next().getRealDouble();
      n++;
    }
    double mean = sum / n;
    double ss = 0;
    c.reset();
    while (c.hasNext()) {
      double d = c.next().getRealDouble() - mean;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / (n - 1));
    double scale = s.normalizeScale();
    for (int i = 0; i < box.length; i++) {
      box[i] = (box[i] - mean) / sd * scale;
    }
  }
}
