package org.habitatj.core.image;

/**
 * One-pixel binary erosion and dilation of a {@link Mask}, slice by slice (2D), used for the
 * ±1-pixel contour perturbation of the reproducibility analysis (ICC of the ITH score).
 *
 * <p>Neighbourhood: {@link Neighbourhood#FOUR} (cross, ±x ±y) or {@link Neighbourhood#EIGHT} (3×3
 * square). Border rule: neighbours outside the image are <b>ignored</b> (not counted as background),
 * so a ROI touching the image border does not erode from the border and dilation is clipped at the
 * border. Voxels of different z slices never interact. The input mask is not modified; the result
 * has the same {@link Geometry}.
 */
public final class Morphology {

  /** In-plane neighbourhood. */
  public enum Neighbourhood {
    /** ±x, ±y. */
    FOUR,
    /** The 3×3 square. */
    EIGHT
  }

  private Morphology() {}

  /** Voxels whose every in-image neighbour (and itself) is in the mask. */
  public static Mask erode(Mask m, Neighbourhood n) {
    return apply(m, n, true);
  }

  /** Voxels in the mask or with at least one neighbour in the mask. */
  public static Mask dilate(Mask m, Neighbourhood n) {
    return apply(m, n, false);
  }

  private static Mask apply(Mask m, Neighbourhood n, boolean erode) {
    Geometry g = m.geometry();
    int nx = g.size(0);
    int ny = g.size(1);
    int nz = g.size(2);
    byte[] in = m.data();
    byte[] out = new byte[in.length];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int i = g.index(x, y, z);
          boolean all = in[i] != 0;
          boolean any = all;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              if ((dx == 0 && dy == 0) || (n == Neighbourhood.FOUR && dx != 0 && dy != 0)) {
                continue;
              }
              int xx = x + dx;
              int yy = y + dy;
              if (xx < 0 || yy < 0 || xx >= nx || yy >= ny) {
                continue;
              }
              boolean v = in[i + dx + dy * nx] != 0;
              all &= v;
              any |= v;
            }
          }
          out[i] = (byte) ((erode ? all : any) ? 1 : 0);
        }
      }
    }
    return new Mask(out, g);
  }
}
