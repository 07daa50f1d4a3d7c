package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.features.Shape3D;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * 3D shape of the window itself ({@link Shape3D} on a mask equal to the window, on its tight
 * bounding box with the map's spacing). Only meaningful in the ITHscore package's per-pixel runs,
 * which include PyRadiomics' shape class for every 5×5 window; not part of the default maps.
 */
final class ShapeWindowCalculator implements WindowCalculator {

  @Override
  public List<FeatureInfo> features() {
    return Shape3D.FEATURES;
  }

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings settings) {
    return (w, out, off) -> {
      int[] grid = w.grid();
      byte[] m = new byte[grid.length];
      for (int i = 0; i < grid.length; i++) {
        m[i] = (byte) (grid[i] != 0 ? 1 : 0);
      }
      Geometry g = Geometry.of(new int[] {w.gx(), w.gy(), w.gz()}, w.spacing());
      double[] v = Shape3D.of(new Mask(m, g)).values();
      System.arraycopy(v, 0, out, off, v.length);
    };
  }
}
