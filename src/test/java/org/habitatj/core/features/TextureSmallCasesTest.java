package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.features.TextureTestData.Prep;
import org.habitatj.core.features.TextureTestData.Vol;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.settings.RadiomicsSettings.DirectionAggregation;
import org.junit.jupiter.api.Test;

/** Hand-computed tiny cases and the bug-report cases C02, C06, C07 for the texture families. */
class TextureSmallCasesTest {

  /** Single slice, I[y][x] = [[1,2],[2,2]], all in the ROI, Ng = 2. */
  static DiscretizedRoi tiny() {
    return new DiscretizedRoi(new int[] {2, 2, 1}, new int[] {1, 2, 2, 2}, 2,
        new double[] {1, 1, 1});
  }

  static double get(FeatureFamily f, double[] v, String name) {
    return v[IbsiPhantomTextureTest.indexOf(f, name)];
  }

  @Test
  void angleOrderIsPyRadiomics() {
    int[][] a = TextureAngles.generate(new int[] {5, 5, 5}, new int[] {1}, false, 0, false);
    // (z,y,x) = (1,1,1), (1,1,0), (1,1,-1), ..., (0,0,1); returned as (x,y,z)
    assertArrayEquals(new int[] {1, 1, 1}, a[0]);
    assertArrayEquals(new int[] {0, 1, 1}, a[1]);
    assertArrayEquals(new int[] {-1, 1, 1}, a[2]);
    assertArrayEquals(new int[] {1, 0, 0}, a[12]);
    assertEquals(26, TextureAngles.generate(new int[] {5, 5, 5}, new int[] {1}, false, 0, true)
        .length);
    int[][] p = TextureAngles.generate(new int[] {5, 5, 5}, new int[] {1}, true, 0, false);
    assertEquals(4, p.length);
    assertArrayEquals(new int[] {1, 1, 0}, p[0]);
    assertArrayEquals(new int[] {1, 0, 0}, p[3]);
    // distance 2 only: (2d+1)^3 − (2d−1)^3 = 125 − 27 = 98 offsets, 49 one way
    assertEquals(49, TextureAngles.generate(new int[] {9, 9, 9}, new int[] {2}, false, 0, false)
        .length);
    // a one-slice box has no offset along z
    assertEquals(4, TextureAngles.generate(new int[] {5, 5, 1}, new int[] {1}, false, 0, false)
        .length);
  }

  /**
   * GLRLM on {@link #tiny()}, 4 in-plane angles (x,y): a0 (1,1), a1 (0,1), a2 (−1,1), a3 (1,0).
   * a0: runs (1,len 1), (2,1) on the diagonal, (2,1), (2,1) on the corners → Nr 4, all length 1.
   * a1: column x=0: (1,1), (2,1); column x=1: (2,2) → Nr 3. a2: anti-diagonal (2,2), corners (1,1),
   * (2,1) → Nr 3. a3: row 0: (1,1),(2,1); row 1: (2,2) → Nr 3. Np = 4 in every angle.
   * SRE = mean(4/4, (2+1/4)/3 ×3) = (1 + 3·0.75)/4 = 0.8125; RunPercentage = (1 + 3·0.75)/4 =
   * 0.8125; LRE = (1 + 3·(2+4)/3)/4 = 1.75. Merged: P(1,1)=4, P(2,1)=6, P(2,2)=3, Nr 13, Np 16:
   * SRE = (10 + 3/4)/13, RP = 13/16.
   */
  @Test
  void glrlmHandComputed() {
    Glrlm f = new Glrlm();
    double[] v = f.compute(tiny(), RadiomicsSettings.defaults());
    assertEquals(0.8125, get(f, v, "ShortRunEmphasis"), 1e-15);
    assertEquals(0.8125, get(f, v, "RunPercentage"), 1e-15);
    assertEquals(1.75, get(f, v, "LongRunEmphasis"), 1e-15);
    double[] m = f.compute(tiny(), RadiomicsSettings.builder()
        .directionAggregation(DirectionAggregation.MERGED).build());
    assertEquals(10.75 / 13, get(f, m, "ShortRunEmphasis"), 1e-15);
    assertEquals(13.0 / 16, get(f, m, "RunPercentage"), 1e-15);
  }

  /**
   * GLSZM on {@link #tiny()}, 8-connectivity: zone of level 1 size 1, zone of level 2 size 3. Nz 2,
   * Np 4. SAE = (1 + 1/9)/2; LAE = (1 + 9)/2 = 5; ZP = 0.5; GLN = (1+1)/2 = 1; GLV: p_g = (½, ½),
   * μ = 1.5 → 0.25; ZV: sizes 1, 3 → μ 2 → 1; HGLZE = (1 + 4)/2 = 2.5; LGLZE = (1 + ¼)/2.
   */
  @Test
  void glszmHandComputed() {
    Glszm f = new Glszm();
    double[] v = f.compute(tiny(), RadiomicsSettings.defaults());
    assertEquals((1 + 1.0 / 9) / 2, get(f, v, "SmallAreaEmphasis"), 1e-15);
    assertEquals(5, get(f, v, "LargeAreaEmphasis"), 1e-15);
    assertEquals(0.5, get(f, v, "ZonePercentage"), 1e-15);
    assertEquals(1, get(f, v, "GrayLevelNonUniformity"), 1e-15);
    assertEquals(0.25, get(f, v, "GrayLevelVariance"), 1e-15);
    assertEquals(1, get(f, v, "ZoneVariance"), 1e-15);
    assertEquals(2.5, get(f, v, "HighGrayLevelZoneEmphasis"), 1e-15);
    assertEquals(0.625, get(f, v, "LowGrayLevelZoneEmphasis"), 1e-15);
  }

  /**
   * GLDM on {@link #tiny()}, α = 0, 8 neighbours: the level-1 voxel has 0 dependent neighbours
   * (size 1); each level-2 voxel has 2 (size 3). P(1,1) = 1, P(2,3) = 3, Nz 4. SDE = (1 + 3/9)/4 =
   * 1/3; LDE = (1 + 27)/4 = 7; DN = (1 + 9)/4 = 2.5; GLV: p_g = (¼, ¾), μ 1.75 → 0.1875; DV: sizes
   * 1 (¼), 3 (¾), μ 2.5 → 0.75. With α = 1 every neighbour is dependent: sizes 4 → LDE = 16.
   */
  @Test
  void gldmHandComputed() {
    Gldm f = new Gldm();
    double[] v = f.compute(tiny(), RadiomicsSettings.defaults());
    assertEquals(1.0 / 3, get(f, v, "SmallDependenceEmphasis"), 1e-15);
    assertEquals(7, get(f, v, "LargeDependenceEmphasis"), 1e-15);
    assertEquals(2.5, get(f, v, "DependenceNonUniformity"), 1e-15);
    assertEquals(0.1875, get(f, v, "GrayLevelVariance"), 1e-15);
    assertEquals(0.75, get(f, v, "DependenceVariance"), 1e-15);
    double[] a1 = f.compute(tiny(), RadiomicsSettings.builder().gldmA(1).build());
    assertEquals(16, get(f, a1, "LargeDependenceEmphasis"), 1e-15);
  }

  /**
   * NGTDM on {@link #tiny()}, 8 neighbours: level-1 voxel: neighbours mean 2 → s += 1; each level-2
   * voxel: neighbours {1,2,2}, mean 5/3 → s += 1/3. n = (1, 3), s = (1, 1), p = (¼, ¾), Nvp 4.
   * Coarseness = 1/(¼·1 + ¾·1) = 1; Contrast = [2·¼·¾·1 / (2·1)]·(2/4) = 0.09375; Busyness = 1 /
   * (2·|¼ − 1.5|) = 0.4; Complexity = (1/4)·2·(¼ + ¾)/1 = 0.5; Strength = 2·(¼+¾)·1 / 2 = 1.
   */
  @Test
  void ngtdmHandComputed() {
    Ngtdm f = new Ngtdm();
    double[] v = f.compute(tiny(), RadiomicsSettings.defaults());
    assertEquals(1, get(f, v, "Coarseness"), 1e-15);
    assertEquals(0.09375, get(f, v, "Contrast"), 1e-15);
    assertEquals(0.4, get(f, v, "Busyness"), 1e-15);
    assertEquals(0.5, get(f, v, "Complexity"), 1e-15);
    assertEquals(1, get(f, v, "Strength"), 1e-15);
  }

  /**
   * NGTDM in voxel mode keeps the global grey levels: a level with n = 0 must not enter the
   * pairwise sums (PyRadiomics masks p_i = 0). Same data as {@link #ngtdmHandComputed()} with an
   * empty level 3 added: all values unchanged.
   */
  @Test
  void ngtdmIgnoresEmptyLevels() {
    double[] out = new double[5];
    Ngtdm.features(new double[] {1, 3, 0}, new double[] {1, 1, 0}, 3, out);
    assertArrayEquals(new double[] {0.4, 1, 0.5, 0.09375, 1}, out, 1e-15);
  }

  /** C06: 3×3×3 ROI of one grey level (image all 50, binWidth 25): PyRadiomics conventions. */
  @Test
  void flatRegionC06AllFamilies() {
    int[] levels = new int[27];
    java.util.Arrays.fill(levels, 1);
    DiscretizedRoi roi = new DiscretizedRoi(new int[] {3, 3, 3}, levels, 1, new double[] {1, 1, 1});
    RadiomicsSettings s = RadiomicsSettings.defaults();
    for (String fam : TextureFamilies.NAMES) {
      for (double x : TextureFamilies.byName(fam).compute(roi, s)) {
        assertFalse(Double.isNaN(x), fam + " gives NaN on a flat ROI");
      }
    }
    Ngtdm n = new Ngtdm();
    double[] v = n.compute(roi, s);
    assertEquals(1e6, get(n, v, "Coarseness"), 0);
    assertEquals(0, get(n, v, "Contrast"), 0);
    assertEquals(0, get(n, v, "Busyness"), 0);
    assertEquals(0, get(n, v, "Complexity"), 0);
    assertEquals(0, get(n, v, "Strength"), 0);
    // one zone of 27 voxels
    Glszm z = new Glszm();
    double[] zv = z.compute(roi, s);
    assertEquals(1.0 / 729, get(z, zv, "SmallAreaEmphasis"), 1e-18);
    assertEquals(729, get(z, zv, "LargeAreaEmphasis"), 0);
    assertEquals(1.0 / 27, get(z, zv, "ZonePercentage"), 1e-17);
    assertEquals(0, get(z, zv, "GrayLevelVariance"), 0);
    assertEquals(0, get(z, zv, "ZoneVariance"), 0);
    // GLDM: corner voxels have 7 neighbours, edges 11, faces 17, centre 26 (α = 0, all dependent)
    Gldm g = new Gldm();
    double[] gv = g.compute(roi, s);
    double lde = (8 * 64.0 + 12 * 144 + 6 * 324 + 729) / 27;
    assertEquals(lde, get(g, gv, "LargeDependenceEmphasis"), 1e-12);
    assertEquals(0, get(g, gv, "GrayLevelVariance"), 0);
  }

  /**
   * C02: I = [[10,20,30,40],[50,60,70,80],[90,100,110,120],[130,140,150,160]]; mask C = central
   * 2×2 block 2 and pixel (0,0) 1, run with label 2; mask B = block 1, label 1. Every texture
   * feature identical (levels 60,70 → 1, 100,110 → 3 with binWidth 25 edges from 50).
   */
  @Test
  void labelOtherThanOneC02() {
    double[] img = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160};
    double[] maskB = new double[16];
    double[] maskC = new double[16];
    for (int i : new int[] {5, 6, 9, 10}) {
      maskB[i] = 1;
      maskC[i] = 2;
    }
    maskC[0] = 1;
    int[] size = {4, 4, 1};
    double[] sp = {1, 1, 1};
    DiscretizedRoi b = TextureTestData.discretize(new Vol(size, sp, img), new Vol(size, sp, maskB),
        1, Prep.defaults());
    DiscretizedRoi c = TextureTestData.discretize(new Vol(size, sp, img), new Vol(size, sp, maskC),
        2, Prep.defaults());
    assertArrayEquals(new int[] {1, 1, 3, 3}, c.levels());
    for (String fam : TextureFamilies.NAMES) {
      FeatureFamily f = TextureFamilies.byName(fam);
      assertArrayEquals(f.compute(b, RadiomicsSettings.defaults()),
          f.compute(c, RadiomicsSettings.builder().label(2).build()), 0, fam);
    }
  }

  /** C07(b): a matrix that would need more than 2³¹ entries is refused before allocating. */
  @Test
  void absurdGreyLevelCountRefusedC07() {
    DiscretizedRoi roi = new DiscretizedRoi(new int[] {2, 1, 1}, new int[] {1, 10_000_002}, 10_000_002,
        new double[] {1, 1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Glcm().compute(roi, RadiomicsSettings.defaults()));
    assertTrue(e.getMessage().contains("bin width"), e.getMessage());
  }

  @Test
  void levelAboveNgIsRejected() {
    DiscretizedRoi roi = new DiscretizedRoi(new int[] {2, 1, 1}, new int[] {1, 3}, 2,
        new double[] {1, 1, 1});
    for (String fam : TextureFamilies.NAMES) {
      assertThrows(IllegalArgumentException.class,
          () -> TextureFamilies.byName(fam).compute(roi, RadiomicsSettings.defaults()), fam);
    }
  }

  /**
   * force2Ddimension 1 (numpy axis y) on an ROI equals force2Ddimension 0 (z) on the same ROI with
   * its y and z axes swapped: the in-plane offsets map onto each other and the features are
   * averages over them (breast1, binWidth 25, all five families).
   */
  @Test
  void force2DdimensionIsAnAxisPermutation() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(TextureTestData.BASELINE));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase("breast1", Prep.defaults());
    int[] s = roi.size();
    int[] lv = new int[roi.levels().length];
    for (int z = 0; z < s[2]; z++) {
      for (int y = 0; y < s[1]; y++) {
        for (int x = 0; x < s[0]; x++) {
          lv[x + s[0] * (z + s[2] * y)] = roi.levels()[roi.index(x, y, z)];
        }
      }
    }
    DiscretizedRoi swapped = new DiscretizedRoi(new int[] {s[0], s[2], s[1]}, lv, roi.ng(),
        new double[] {1, 1, 1});
    for (String fam : TextureFamilies.NAMES) {
      FeatureFamily f = TextureFamilies.byName(fam);
      double[] a = f.compute(roi, RadiomicsSettings.builder().force2D(true).force2Ddimension(1)
          .build());
      double[] b = f.compute(swapped, RadiomicsSettings.builder().force2D(true)
          .force2Ddimension(0).build());
      for (int k = 0; k < a.length; k++) {
        assertEquals(b[k], a[k], 1e-9 * Math.max(1, Math.abs(b[k])), fam + " feature " + k);
      }
    }
  }
}
