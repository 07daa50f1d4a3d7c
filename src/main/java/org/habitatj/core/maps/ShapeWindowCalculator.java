package org.habitatj.core.maps;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Most footprints a worker remembers (an unmasked window has at most a few dozen). */
  static final int CACHE_LIMIT = 4096;

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings settings) {
    // The shape depends only on the window's footprint (which voxels are included) and size: the
    // same footprint (e.g. every unclipped 5×5 window of an unmasked ITHscore run) is computed once
    // per worker and its values reused.
    Map<Footprint, double[]> cache = new HashMap<>();
    return (w, out, off) -> {
      int[] grid = w.grid();
      long[] bits = new long[(grid.length + 63) >>> 6];
      for (int i = 0; i < grid.length; i++) {
        if (grid[i] != 0) {
          bits[i >>> 6] |= 1L << (i & 63);
        }
      }
      Footprint key = new Footprint(w.gx(), w.gy(), w.gz(), bits);
      double[] v = cache.get(key);
      if (v == null) {
        byte[] m = new byte[grid.length];
        for (int i = 0; i < grid.length; i++) {
          m[i] = (byte) (grid[i] != 0 ? 1 : 0);
        }
        Geometry g = Geometry.of(new int[] {w.gx(), w.gy(), w.gz()}, w.spacing());
        v = Shape3D.of(new Mask(m, g)).values();
        if (cache.size() < CACHE_LIMIT) {
          cache.put(key, v);
        }
      }
      System.arraycopy(v, 0, out, off, v.length);
    };
  }

  /** Window size and included-voxel bit set (x fastest), compared by value. */
  private static final class Footprint {
    private final int gx;
    private final int gy;
    private final int gz;
    private final long[] bits;
    private final int hash;

    Footprint(int gx, int gy, int gz, long[] bits) {
      this.gx = gx;
      this.gy = gy;
      this.gz = gz;
      this.bits = bits;
      this.hash = 31 * (31 * (31 * gx + gy) + gz) + Arrays.hashCode(bits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Footprint f && f.gx == gx && f.gy == gy && f.gz == gz
          && Arrays.equals(f.bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
