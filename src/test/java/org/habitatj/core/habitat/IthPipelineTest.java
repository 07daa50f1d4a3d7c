package org.habitatj.core.habitat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.ith.Connectivity;
import org.habitatj.core.progress.Progress;
import org.junit.jupiter.api.Test;

class IthPipelineTest {

  /**
   * 20x20x1 grid, spacing 1x1x2 mm. Tumour = 8x8 square x,y in 6..13; three vertical stripes
   * with feature 0 = 0 (x 6..8), 10 (x 9..10), 20 (x 11..13); feature 1 constant. The 1-mm 2D
   * ring is the 1-px frame without corners (32 px); its voxels get 1, 11 or 21 by the same x
   * ranges (x = 5 counts as left, x = 14 as right).
   */
  @Test
  void stripesHandComputed() {
    Geometry g = Geometry.of(new int[] {20, 20, 1}, new double[] {1, 1, 2});
    byte[] t = new byte[400];
    for (int y = 6; y <= 13; y++) {
      for (int x = 6; x <= 13; x++) {
        t[g.index(x, y, 0)] = 1;
      }
    }
    Mask tumour = new Mask(t, g);
    PeritumoralRing.Result ring = PeritumoralRing.builder().distanceMm(1).build().compute(tumour);
    assertEquals(32, ring.voxels());
    VoxelFeatures tf = features(g, tumour, 0);
    VoxelFeatures rf = features(g, ring.mask(), 1);
    IthPipeline.Options o = new IthPipeline.Options(FeatureStandardizer.Method.MIN_MAX,
        HabitatClustering.Options.DEFAULT.withK(3).withSeed(5),
        org.habitatj.core.ith.IthScore.Options.of(Connectivity.EIGHT));
    IthPipeline.Result r = IthPipeline.run(tf, rf, o, Progress.NONE);
    // canonical numbering: left stripe 1, middle 2, right 3
    assertEquals(1, r.tumourMap().labels()[g.index(6, 6, 0)]);
    assertEquals(2, r.tumourMap().labels()[g.index(9, 13, 0)]);
    assertEquals(3, r.tumourMap().labels()[g.index(13, 10, 0)]);
    assertEquals(0, r.tumourMap().labels()[g.index(5, 6, 0)]);
    // each stripe one region: tumour ITH = 1 - (24 + 16 + 24)/64 = 0
    assertEquals(0.0, r.tumourIth().score(), 1e-15);
    // joint: ring voxels join the stripe of their x range
    assertEquals(1, r.jointMap().labels()[g.index(5, 8, 0)]);
    assertEquals(2, r.jointMap().labels()[g.index(10, 5, 0)]);
    assertEquals(3, r.jointMap().labels()[g.index(14, 8, 0)]);
    // combined (S = 96): left 24+14 = 38 one region, middle 16+2+2 = 20 one region, right 38
    //   -> 1 - 96/96 = 0.
    assertEquals(0.0, r.combined().combined().score(), 1e-15);
    assertEquals(96, r.combined().combined().tumourVoxels());
    // ring only (S = 32, 8-conn): left = col x=5 (8) + top/bottom x 6..8 (3+3) joined at the
    //   diagonal corners = 14; middle = {x 9,10 top} and {x 9,10 bottom}: A=2, n=2 -> 1;
    //   right = 14. ITH = 1 - 29/32 = 0.09375.
    assertEquals(0.09375, r.combined().ringOnly().score(), 1e-15);
    // table of the tumour map: volumes with 2 mm^3 voxels
    List<HabitatMap.HabitatStats> tab = r.tumourMap().table(Connectivity.EIGHT, tf);
    assertEquals(3, tab.size());
    HabitatMap.HabitatStats h1 = tab.get(0);
    assertEquals(24, h1.voxels());
    assertEquals(48.0, h1.volumeMm3(), 1e-12);
    assertEquals(0.375, h1.fraction(), 1e-15);
    assertEquals(1, h1.regions());
    assertEquals(24, h1.largestRegion());
    assertEquals(0.0, h1.featureMeans()[0], 0);
    assertEquals(10.0, tab.get(1).featureMeans()[0], 0);
    assertEquals(7.0, tab.get(1).featureMeans()[1], 0);
    assertEquals(3, r.tumourClustering().k());
    assertEquals(5L, r.tumourClustering().options().seed());
    // without ring
    IthPipeline.Result only = IthPipeline.run(tf, null, o, Progress.NONE);
    assertNull(only.combined());
    assertEquals(0.0, only.tumourIth().score(), 1e-15);
  }

  static VoxelFeatures features(Geometry g, Mask m, double offset) {
    int n = m.count();
    int[] vox = new int[n];
    double[][] c = new double[2][n];
    int k = 0;
    for (int i = 0; i < m.data().length; i++) {
      if (m.contains(i)) {
        int x = i % 20;
        vox[k] = i;
        c[0][k] = (x <= 8 ? 0 : x <= 10 ? 10 : 20) + offset;
        c[1][k] = 7;
        k++;
      }
    }
    return new VoxelFeatures(g, vox, new String[] {"f0", "const"}, c);
  }

  @Test
  void largestAreaSliceIsFirstMaximum() {
    Geometry g = Geometry.of(new int[] {3, 3, 5}, new double[] {1, 1, 1});
    byte[] d = new byte[45];
    int[] areas = {0, 5, 7, 7, 3};
    for (int z = 0; z < 5; z++) {
      for (int i = 0; i < areas[z]; i++) {
        d[z * 9 + i] = 1;
      }
    }
    Mask m = new Mask(d, g);
    assertEquals(2, IthPipeline.largestAreaSlice(m));
    assertEquals(7, IthPipeline.slice(m, 2).count());
    assertEquals(7, IthPipeline.slice(m, 3).count());
    assertThrows(IllegalArgumentException.class,
        () -> IthPipeline.largestAreaSlice(Mask.empty(g)));
  }

  @Test
  void c18BorderTumourScoresLikeShiftedTumour() {
    // L5 through the pipeline's scoring (crop to the labelled bounding box, no padding needed):
    // the 4x4 quadrant map (4-conn ITH 0.75) at rows/cols 0..3 of a 10x10 image and moved 3 px.
    int[][] q = {{1, 1, 2, 2}, {1, 1, 2, 2}, {2, 2, 1, 1}, {2, 2, 1, 1}};
    Geometry g = Geometry.of(new int[] {10, 10, 1}, new double[] {1, 1, 1});
    byte[] a = new byte[100];
    byte[] b = new byte[100];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        a[g.index(x, y, 0)] = (byte) q[y][x];
        b[g.index(x + 3, y + 3, 0)] = (byte) q[y][x];
      }
    }
    org.habitatj.core.ith.IthScore.Options o =
        org.habitatj.core.ith.IthScore.Options.of(Connectivity.FOUR);
    assertEquals(0.75, IthPipeline.score(new HabitatMap(g, a, 2), o).score(), 1e-15);
    assertEquals(0.75, IthPipeline.score(new HabitatMap(g, b, 2), o).score(), 1e-15);
  }
}
