package org.habitatj.core.ith;

/**
 * Neighbourhood used to join voxels into connected regions.
 *
 * <ul>
 *   <li>{@link #FOUR} and {@link #EIGHT}: in-plane (2D) neighbourhoods, applied slice by slice; voxels
 *       of different z slices are never joined.
 *   <li>{@link #SIX} and {@link #TWENTY_SIX}: 3D neighbourhoods (faces, and faces + edges + corners).
 * </ul>
 *
 * <p>The ITHscore package (Li et al., Eur Radiol 2023) uses 8-connectivity on one slice
 * ({@code scipy.ndimage.generate_binary_structure(2, 2)}).
 */
public enum Connectivity {
  /** 2D, edge neighbours (±x, ±y). */
  FOUR(false),
  /** 2D, edge and corner neighbours. */
  EIGHT(false),
  /** 3D, face neighbours. */
  SIX(true),
  /** 3D, all 26 neighbours. */
  TWENTY_SIX(true);

  private final boolean threeD;

  Connectivity(boolean threeD) {
    this.threeD = threeD;
  }

  /** Whether regions may extend across slices. */
  public boolean isThreeD() {
    return threeD;
  }

  /**
   * Half of the neighbour offsets {dx, dy, dz} (the ones preceding the centre in x-fastest scan
   * order); the full neighbourhood is these and their negatives.
   */
  int[][] backwardOffsets() {
    switch (this) {
      case FOUR:
        return new int[][] {{-1, 0, 0}, {0, -1, 0}};
      case EIGHT:
        return new int[][] {{-1, 0, 0}, {-1, -1, 0}, {0, -1, 0}, {1, -1, 0}};
      case SIX:
        return new int[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
      default:
        int[][] o = new int[13][];
        int n = 0;
        for (int dz = -1; dz <= 0; dz++) {
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              if (dz == 0 && (dy > 0 || (dy == 0 && dx >= 0))) {
                continue;
              }
              o[n++] = new int[] {dx, dy, dz};
            }
          }
        }
        return o;
    }
  }
}
