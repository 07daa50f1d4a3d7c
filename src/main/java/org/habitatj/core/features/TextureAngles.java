package org.habitatj.core.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour offsets ("angles") of the texture matrices, generated exactly as PyRadiomics does
 * ({@code cmatrices.c build_angles}), so that matrices are laid out in PyRadiomics' angle order.
 *
 * <p>PyRadiomics enumerates offsets in numpy axis order (z, y, x), z slowest, each axis running from
 * +d<sub>max</sub> down to −d<sub>max</sub>. An offset is kept when its infinity norm is one of the
 * requested distances, when it does not move along the force2D axis (if force2D), and when no
 * component reaches the box size in that axis. Mono-directional sets (GLCM, GLRLM) are the first half
 * of the bidirectional set (GLSZM, GLDM, NGTDM). For distance 1 in 3D the 13 mono-directional
 * offsets (z, y, x) are: (1,1,1), (1,1,0), (1,1,−1), (1,0,1), (1,0,0), (1,0,−1), (1,−1,1), (1,−1,0),
 * (1,−1,−1), (0,1,1), (0,1,0), (0,1,−1), (0,0,1); with force2D on axis z the 4 in-plane ones are the
 * last four.
 *
 * <p>Offsets are returned as {@code int[n][3]} in (dx, dy, dz) order (x, y, z axes, voxels).
 */
public final class TextureAngles {

  private TextureAngles() {}

  /**
   * Generates the offsets.
   *
   * @param boxSize box size (x, y, z) in voxels; an offset component ≥ the size is dropped
   * @param distances infinity-norm distances (each ≥ 1)
   * @param force2D whether to drop offsets moving along the force2D axis
   * @param force2Ddimension PyRadiomics numpy axis of the slice normal: 0 = z, 1 = y, 2 = x
   * @param bidirectional true for both directions (GLSZM, GLDM, NGTDM), false for one (GLCM, GLRLM)
   * @return offsets (dx, dy, dz), PyRadiomics order
   * @throws IllegalArgumentException for a distance &lt; 1 or a force2Ddimension outside 0..2
   */
  public static int[][] generate(
      int[] boxSize, int[] distances, boolean force2D, int force2Ddimension, boolean bidirectional) {
    int maxD = 0;
    for (int d : distances) {
      if (d < 1) {
        throw new IllegalArgumentException("texture distances must be >= 1, got " + d);
      }
      maxD = Math.max(maxD, d);
    }
    if (force2D && (force2Ddimension < 0 || force2Ddimension > 2)) {
      throw new IllegalArgumentException(
          "force2Ddimension must be 0 (z), 1 (y) or 2 (x), got " + force2Ddimension);
    }
    // numpy order (z, y, x) sizes
    int[] npSize = {boxSize[2], boxSize[1], boxSize[0]};
    List<int[]> all = new ArrayList<>();
    for (int oz = maxD; oz >= -maxD; oz--) {
      for (int oy = maxD; oy >= -maxD; oy--) {
        for (int ox = maxD; ox >= -maxD; ox--) {
          int[] o = {oz, oy, ox};
          int norm = Math.max(Math.abs(oz), Math.max(Math.abs(oy), Math.abs(ox)));
          if (norm == 0 || !contains(distances, norm)) {
            continue;
          }
          boolean ok = true;
          for (int d = 0; d < 3; d++) {
            if ((force2D && d == force2Ddimension && o[d] != 0)
                || o[d] >= npSize[d]
                || o[d] <= -npSize[d]) {
              ok = false;
              break;
            }
          }
          if (ok) {
            all.add(new int[] {ox, oy, oz});
          }
        }
      }
    }
    int n = bidirectional ? all.size() : all.size() / 2;
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  /** Offsets for a DiscretizedRoi box and the settings' distances / force2D. */
  public static int[][] generate(
      DiscretizedRoi roi,
      int[] distances,
      boolean force2D,
      int force2Ddimension,
      boolean bidirectional) {
    return generate(roi.size(), distances, force2D, force2Ddimension, bidirectional);
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
