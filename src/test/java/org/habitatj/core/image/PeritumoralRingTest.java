package org.habitatj.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.habitatj.core.image.PeritumoralRing.Mode;
import org.junit.jupiter.api.Test;

class PeritumoralRingTest {

  static Mask point(int nx, int ny, int nz, double[] sp, int x, int y, int z) {
    Geometry g = Geometry.of(new int[] {nx, ny, nz}, sp);
    byte[] d = new byte[nx * ny * nz];
    d[g.index(x, y, z)] = 1;
    return new Mask(d, g);
  }

  static PeritumoralRing.Result ring(Mask t, double d, Mode m) {
    return PeritumoralRing.builder().distanceMm(d).mode(m).build().compute(t);
  }

  @Test
  void c21AnisotropicThreeD() {
    // 41x41x9, one voxel at the centre, 0.5x0.5x4.0 mm, 3 mm: a disc of radius 6 px in the tumour
    // slice (113 lattice points with a^2+b^2 <= 36) minus the tumour = 112; slices at 4 mm: none.
    Mask t = point(41, 41, 9, new double[] {0.5, 0.5, 4.0}, 20, 20, 4);
    PeritumoralRing.Result r = ring(t, 3.0, Mode.VOLUME_3D);
    assertEquals(112, r.voxels());
    assertNull(r.emptyMessage());
    int[] bb = r.mask().boundingBox();
    assertEquals(4, bb[2]);
    assertEquals(4, bb[5]);
    assertEquals(14, bb[0]); // x reach 6 px
    assertEquals(26, bb[3]);
    // d = 3 mm < 4 mm slice spacing: warned in 3D, not in 2D (z unused)
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).contains("along z (4 mm)"), r.warnings().get(0));
    PeritumoralRing.Result r2 = ring(t, 3.0, Mode.SLICE_2D);
    assertEquals(112, r2.voxels());
    assertTrue(r2.warnings().isEmpty());
    // calibration is kept
    assertTrue(r.mask().geometry().sameGrid(t.geometry()));
    assertEquals(4.0, r.mask().geometry().spacing(2));
  }

  @Test
  void isotropicTwoDVersusThreeD() {
    // 1 mm isotropic, d = 3: 3D ball has 123 lattice points with a^2+b^2+c^2 <= 9 -> ring 122
    // (the voxel-radius-3 ball of C21, correct here because voxels are 1 mm cubes);
    // 2D: disc a^2+b^2 <= 9 has 29 points -> ring 28.
    Mask t = point(15, 15, 9, new double[] {1, 1, 1}, 7, 7, 4);
    assertEquals(122, ring(t, 3.0, Mode.VOLUME_3D).voxels());
    assertEquals(28, ring(t, 3.0, Mode.SLICE_2D).voxels());
  }

  @Test
  void thinnerSlicesThreeD() {
    // 0.5x0.5x2.0, d = 3 mm. dz=0: 113 points (a^2+b^2<=36). dz=+-1 (2 mm): in-plane radius^2
    // 9-4 = 5 mm^2 -> a^2+b^2 <= 20: a=0:9, a=+-1:2x9, a=+-2:2x9, a=+-3:2x7, a=+-4:2x5 = 69.
    // dz=+-2 is 4 mm away: none. Ring = 113 + 2*69 - 1 = 250. 2D: 112.
    Mask t = point(31, 31, 9, new double[] {0.5, 0.5, 2.0}, 15, 15, 4);
    assertEquals(250, ring(t, 3.0, Mode.VOLUME_3D).voxels());
    assertEquals(112, ring(t, 3.0, Mode.SLICE_2D).voxels());
  }

  @Test
  void nonSquarePixels() {
    // x 0.5 mm, y 1.0 mm, d = 3: (0.5a)^2 + b^2 <= 9 <=> a^2 + 4b^2 <= 36:
    // b=0: 13, b=+-1: |a|<=5 -> 2x11, b=+-2: |a|<=4 -> 2x9, b=+-3: a=0 -> 2. Total 55 -> ring 54.
    // An ellipse 6 px wide along x and 3 px along y.
    Mask t = point(21, 21, 1, new double[] {0.5, 1.0, 5.0}, 10, 10, 0);
    PeritumoralRing.Result r = ring(t, 3.0, Mode.SLICE_2D);
    assertEquals(54, r.voxels());
    int[] bb = r.mask().boundingBox();
    assertEquals(4, bb[0]);
    assertEquals(16, bb[3]);
    assertEquals(7, bb[1]);
    assertEquals(13, bb[4]);
  }

  @Test
  void tumourAtTheCornerIsClippedWithoutWrapAround() {
    // voxel (0,0), 1 mm, d = 3: quarter disc a,b >= 0, a^2+b^2 <= 9: a=0:4, a=1:3, a=2:3, a=3:1
    // = 11 -> ring 10. Nothing on the opposite borders.
    Mask t = point(10, 8, 1, new double[] {1, 1, 1}, 0, 0, 0);
    PeritumoralRing.Result r = ring(t, 3.0, Mode.SLICE_2D);
    assertEquals(10, r.voxels());
    assertFalse(r.mask().contains(9, 0, 0));
    assertFalse(r.mask().contains(0, 7, 0));
    assertFalse(r.mask().contains(9, 7, 0));
    // same in 3D at a corner voxel (0,0,0): octant of the ball: points a,b,c >= 0 with sum of
    // squares <= 9: c=0: 11, c=1: a^2+b^2<=8: a=0:3,a=1:3,a=2:3 = 9, c=2: <=5: a=0:3,a=1:3,a=2:2=8,
    // c=3: 1 -> 29 -> ring 28.
    Mask t3 = point(10, 8, 6, new double[] {1, 1, 1}, 0, 0, 0);
    PeritumoralRing.Result r3 = ring(t3, 3.0, Mode.VOLUME_3D);
    assertEquals(28, r3.voxels());
    // the clipping is said: along x and y in 2D (z unused), x, y and z in 3D
    assertTrue(r.warnings().contains("the ring reaches the image border along x, y and is "
        + "clipped there (thinner than 3 mm on that side)"), r.warnings().toString());
    assertTrue(r3.warnings().contains("the ring reaches the image border along x, y, z and is "
        + "clipped there (thinner than 3 mm on that side)"), r3.warnings().toString());
    // a tumour 3 voxels from every border is not clipped
    assertTrue(ring(point(10, 8, 1, new double[] {1, 1, 1}, 3, 3, 0), 3.0, Mode.SLICE_2D)
        .warnings().isEmpty());
  }

  @Test
  void c05FullMaskGivesEmptyRingMessage() {
    Geometry g = Geometry.of(new int[] {3, 3, 3}, new double[] {1, 1, 1});
    byte[] d = new byte[27];
    java.util.Arrays.fill(d, (byte) 1);
    for (Mode m : Mode.values()) {
      PeritumoralRing.Result r = ring(new Mask(d, g), 3.0, m);
      assertTrue(r.isEmpty());
      assertEquals(0, r.voxels());
      assertEquals("ring is empty (ROI touches every image border)", r.emptyMessage());
    }
    // empty tumour: clear error
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ring(Mask.empty(g), 3.0, Mode.SLICE_2D));
    assertTrue(e.getMessage().contains("tumour mask is empty"));
  }

  @Test
  void c02RingGrownFromLabelTwoOnly() {
    // C02 mask C: 4x4, central 2x2 block = 2, pixel (0,0) = 1. Masks selected from the labels here.
    int[] labels = {1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0};
    Geometry g = Geometry.of(new int[] {4, 4, 1}, new double[] {1, 1, 1});
    byte[] two = new byte[16];
    byte[] one = new byte[16];
    for (int i = 0; i < 16; i++) {
      two[i] = (byte) (labels[i] == 2 ? 1 : 0);
      one[i] = (byte) (labels[i] == 1 ? 1 : 0);
    }
    Mask m2 = new Mask(two, g);
    // d = 1.5 mm: every non-block pixel is within sqrt(2) of the block -> 12 ring pixels, including
    // (0,0) (a ring grown from all non-zero labels would treat (0,0) as tumour: 11).
    PeritumoralRing.Result r = ring(m2, 1.5, Mode.SLICE_2D);
    assertEquals(12, r.voxels());
    assertTrue(r.mask().contains(0, 0, 0));
    // excluding label 1: 11 pixels, (0,0) out
    PeritumoralRing.Result rx = PeritumoralRing.builder().distanceMm(1.5)
        .exclude(new Mask(one, g)).build().compute(m2);
    assertEquals(11, rx.voxels());
    assertEquals(1, rx.excludedVoxels());
    assertFalse(rx.mask().contains(0, 0, 0));
    // d = 1: only the 8 edge neighbours of the block
    assertEquals(8, ring(m2, 1.0, Mode.SLICE_2D).voxels());
  }

  @Test
  void c02ThroughMasksLabelSelection() {
    // the same mask C selected with the io layer's Masks (label 2, then label 1 to exclude)
    double[] labels = {1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0};
    Geometry g = Geometry.of(new int[] {4, 4, 1}, new double[] {1, 1, 1});
    Volume lv = Volume.ofDoubles(labels, g);
    Mask two = Masks.fromLabelImage(lv, Masks.LabelChoice.label(2)).mask();
    Mask one = Masks.fromLabelImage(lv, Masks.LabelChoice.label(1)).mask();
    assertEquals(12, ring(two, 1.5, Mode.SLICE_2D).voxels());
    assertEquals(11, PeritumoralRing.builder().distanceMm(1.5).exclude(one).build().compute(two)
        .voxels());
  }

  @Test
  void restrictionAndGridChecks() {
    Mask t = point(9, 9, 1, new double[] {1, 1, 1}, 4, 4, 0);
    // restriction to the left half x <= 4: disc ring 28 -> points with a <= 0: a=0: 7 (b=-3..3)
    // minus tumour = 6, a=-1: 5, a=-2: 5, a=-3: 1 -> 17
    byte[] half = new byte[81];
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x <= 4; x++) {
        half[y * 9 + x] = 1;
      }
    }
    PeritumoralRing.Result r = PeritumoralRing.builder().restrictTo(new Mask(half, t.geometry()))
        .build().compute(t);
    assertEquals(17, r.voxels());
    assertEquals(28, r.grownVoxels());
    assertEquals(11, r.outsideRestrictionVoxels());
    // all outside: explicit message
    PeritumoralRing.Result none = PeritumoralRing.builder()
        .restrictTo(Mask.empty(t.geometry())).build().compute(t);
    assertTrue(none.emptyMessage().startsWith("ring is empty after removing"));
    Mask other = Mask.empty(Geometry.of(new int[] {9, 9, 1}, new double[] {1, 2, 1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PeritumoralRing.builder().exclude(other).build().compute(t));
    assertTrue(e.getMessage().contains("spacing (1, 2, 1)"), e.getMessage());
    // d smaller than every in-plane spacing
    PeritumoralRing.Result small = ring(t, 0.5, Mode.SLICE_2D);
    assertEquals(2, small.warnings().size() - 1);
    assertTrue(small.emptyMessage().contains("smaller than the voxel spacing"));
  }

  @Test
  void matchesBruteForceOnRandomShapes() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 30; trial++) {
      int nx = 5 + rnd.nextInt(12);
      int ny = 5 + rnd.nextInt(12);
      int nz = 1 + rnd.nextInt(6);
      double[] sp = {0.3 + rnd.nextDouble() * 1.5, 0.3 + rnd.nextDouble() * 1.5,
          0.5 + rnd.nextDouble() * 4};
      Geometry g = Geometry.of(new int[] {nx, ny, nz}, sp);
      byte[] d = new byte[nx * ny * nz];
      int cx = rnd.nextInt(nx);
      int cy = rnd.nextInt(ny);
      int cz = rnd.nextInt(nz);
      for (int k = 0; k < 6; k++) { // a few random blobs
        int x0 = Math.max(0, cx + rnd.nextInt(5) - 2);
        int y0 = Math.max(0, cy + rnd.nextInt(5) - 2);
        int z0 = Math.max(0, cz + rnd.nextInt(3) - 1);
        for (int z = z0; z < Math.min(nz, z0 + 1 + rnd.nextInt(2)); z++) {
          for (int y = y0; y < Math.min(ny, y0 + 1 + rnd.nextInt(3)); y++) {
            for (int x = x0; x < Math.min(nx, x0 + 1 + rnd.nextInt(3)); x++) {
              d[g.index(x, y, z)] = 1;
            }
          }
        }
      }
      Mask t = new Mask(d, g);
      double dist = 0.5 + rnd.nextDouble() * 4;
      for (Mode m : Mode.values()) {
        Mask ring = ring(t, dist, m).mask();
        for (int z = 0; z < nz; z++) {
          for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
              boolean expected = false;
              if (d[g.index(x, y, z)] == 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int zz = 0; zz < nz; zz++) {
                  if (m == Mode.SLICE_2D && zz != z) {
                    continue;
                  }
                  for (int yy = 0; yy < ny; yy++) {
                    for (int xx = 0; xx < nx; xx++) {
                      if (d[g.index(xx, yy, zz)] != 0) {
                        double ex = (x - xx) * sp[0];
                        double ey = (y - yy) * sp[1];
                        double ez = (z - zz) * sp[2];
                        best = Math.min(best, ex * ex + ey * ey + ez * ez);
                      }
                    }
                  }
                }
                expected = Math.sqrt(best) <= dist;
              }
              assertEquals(expected, ring.contains(x, y, z),
                  "trial " + trial + " " + m + " at " + x + "," + y + "," + z);
            }
          }
        }
      }
    }
  }
}
