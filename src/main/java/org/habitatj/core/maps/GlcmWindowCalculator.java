package org.habitatj.core.maps;

import java.util.List;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.features.Glcm;
import org.habitatj.core.features.TextureAngles;
import org.habitatj.core.settings.RadiomicsSettings;

/**
 * GLCM maps, fast path: the window's co-occurrence counts are accumulated directly from the crop
 * box's grey levels into one reusable {@code na·Ng²} matrix (only the touched entries are cleared
 * afterwards), with a bit per non-zero cell in 64-bit row masks when the window's levels span at
 * most 64; {@link Glcm#aggregate} then reads only the flagged cells (or scans the window's level
 * range) in row-major order, bit-identical to the full matrix. No per-voxel matrix is kept.
 *
 * <p>Equivalence with the whole-ROI GLCM on a mask equal to the window (case C11): a pair (v, v +
 * a) counts when both voxels are in the window (kernel ∩ image, ∩ ROI if masked); the symmetric
 * matrix is built by adding (i, j) and (j, i) for every pair, which equals counts + countsᵀ. The
 * offsets are {@link TextureAngles} for the kernel box (2r+1 per axis, clipped to the image);
 * offsets that cannot fit the window's own box give empty matrices, which {@link Glcm#aggregate}
 * skips exactly as the whole-ROI path drops them. MCC's flat rule takes the number of distinct
 * levels PyRadiomics keeps in voxel mode: those of the whole discretisation region (WHOLE_ROI_ONCE)
 * or of the window (PER_WINDOW).
 */
final class GlcmWindowCalculator implements WindowCalculator {

  private final MapDiscretization mode;
  private final boolean withMcc;

  /**
   * @param withMcc whether MCC is wanted (it costs an eigen-decomposition per angle; when false its
   *     map value is NaN and must not be output)
   */
  GlcmWindowCalculator(MapDiscretization mode, boolean withMcc) {
    this.mode = mode;
    this.withMcc = withMcc;
  }

  @Override
  public List<FeatureInfo> features() {
    return Glcm.FEATURES;
  }

  @Override
  public Worker newWorker(int maxVoxels, RadiomicsSettings s) {
    return new W(maxVoxels, s);
  }

  private final class W implements Worker {
    private final RadiomicsSettings s;
    private final boolean symmetric;
    private final int maxVoxels;
    private int[][] angles;
    private int[] angleKey;
    private double[] counts = new double[0];
    private long[] rowBits = new long[0];
    private int[] touched;
    private Glcm.Workspace ws;

    W(int maxVoxels, RadiomicsSettings s) {
      this.s = s;
      this.symmetric = s.symmetricalGLCM();
      this.maxVoxels = maxVoxels;
    }

    private void prepare(Window w) {
      int kx = Math.min(w.bx, 2 * w.rx + 1);
      int ky = Math.min(w.by, 2 * w.ry + 1);
      int kz = Math.min(w.bz, 2 * w.rz + 1);
      if (angles == null || angleKey[0] != kx || angleKey[1] != ky || angleKey[2] != kz) {
        angles = TextureAngles.generate(new int[] {kx, ky, kz}, s.distances(), s.force2D(),
            s.force2Ddimension(), false);
        angleKey = new int[] {kx, ky, kz};
        touched = new int[2 * maxVoxels * Math.max(1, angles.length)];
      }
      int ng = w.ng;
      int len = angles.length * ng * ng;
      if (counts.length < len) {
        counts = new double[len];
      }
      if (ws == null) {
        ws = new Glcm.Workspace(ng);
      }
    }

    @Override
    public void compute(Window w, double[] out, int off) {
      prepare(w);
      int ng = w.ng;
      int na = angles.length;
      int bx = w.bx;
      int bxy = w.bx * w.by;
      int[] lev = w.levels;
      byte[] el = w.eligible;
      int[] gl = w.boxLevels;
      int kx0 = w.kx0;
      int kx1 = w.kx1;
      int ky0 = w.ky0;
      int ky1 = w.ky1;
      int kz0 = w.kz0;
      int kz1 = w.kz1;
      double[] c = counts;
      int nt = 0;
      int n = w.n;
      int lo = Integer.MAX_VALUE;
      int hi = -1;
      for (int k = 0; k < n; k++) {
        int l = lev[k];
        if (l < lo) {
          lo = l;
        }
        if (l > hi) {
          hi = l;
        }
      }
      int lo0 = lo - 1;
      // flag the non-zero cells per row (≤ 64 levels) so that Glcm reads only those
      boolean flag = hi - lo < 64;
      long[] bits = rowBits;
      if (flag && bits.length < 64 * na) {
        bits = new long[64 * na];
        rowBits = bits;
      }
      int[] wx = w.boxX;
      int[] wy = w.boxY;
      int[] wz = w.boxZ;
      for (int k = 0; k < n; k++) {
        int x = wx[k];
        int y = wy[k];
        int z = wz[k];
        int li = lev[k] - 1;
        for (int a = 0; a < na; a++) {
          int[] o = angles[a];
          int nx = x + o[0];
          int ny = y + o[1];
          int nz = z + o[2];
          if (nx < kx0 || nx > kx1 || ny < ky0 || ny > ky1 || nz < kz0 || nz > kz1) {
            continue;
          }
          int nb = nx + bx * ny + bxy * nz;
          if (el[nb] == 0) {
            continue;
          }
          int lj = gl[nb] - 1;
          int base = a * ng * ng;
          int e1 = base + li * ng + lj;
          c[e1]++;
          touched[nt++] = e1;
          if (flag) {
            bits[64 * a + li - lo0] |= 1L << (lj - lo0);
          }
          if (symmetric) {
            int e2 = base + lj * ng + li;
            c[e2]++;
            touched[nt++] = e2;
            if (flag) {
              bits[64 * a + lj - lo0] |= 1L << (li - lo0);
            }
          }
        }
      }
      int nLevels =
          mode == MapDiscretization.WHOLE_ROI_ONCE ? w.distinctLevels : w.distinctWindowLevels();
      // only levels lo..hi occur in the window: the exact range-restricted, allocation-free path
      Glcm.aggregate(c, na, ng, nLevels, lo - 1, hi - 1, s.directionAggregation(), ws, out, off,
          withMcc, flag ? bits : null);
      for (int t = 0; t < nt; t++) {
        c[touched[t]] = 0;
      }
      if (flag) {
        int span = hi - lo + 1;
        for (int a = 0; a < na; a++) {
          java.util.Arrays.fill(bits, 64 * a, 64 * a + span, 0L);
        }
      }
    }
  }
}
