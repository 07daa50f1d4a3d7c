package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.habitatj.core.features.BinEdges;
import org.habitatj.core.features.DiscretizedRoi;
import org.habitatj.core.features.Discretizer;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.features.FirstOrder;
import org.habitatj.core.features.Glcm;
import org.habitatj.core.features.TextureAngles;
import org.habitatj.core.features.TextureFamilies;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Case C11 oracle, for every family: the map value at voxel v equals the whole-ROI feature computed
 * independently on a mask equal to v's window (kernel ∩ image, ∩ ROI when masked) with the map's
 * bin edges and Ng (PyRadiomics voxel mode: edges over the ROI, or over the ROI box ± r when
 * unmasked; per-window mode: edges over the window). The oracle uses only the whole-ROI API
 * (Discretizer, FirstOrder, TextureFamilies / Glcm.matrix + Glcm.aggregate), never the engine.
 */
class MapOracleTest {

  static final List<String> FAMILIES = List.of("firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm");

  record Config(String name, int sx, int sy, int sz, byte[] roi, double[] img, int r, boolean masked,
      KernelShape shape, MapDiscretization mode, double binWidth) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** C11: 9×9×5 seeded random integers 0–99, L-shaped ROI = 5×5×3 block minus a 2×2×3 corner. */
  static Config c11(int r, boolean masked) {
    int sx = 9;
    int sy = 9;
    int sz = 5;
    double[] img = new double[sx * sy * sz];
    Random rnd = new Random(11);
    for (int i = 0; i < img.length; i++) {
      img[i] = rnd.nextInt(100);
    }
    byte[] roi = new byte[img.length];
    for (int z = 1; z < 4; z++) {
      for (int y = 2; y < 7; y++) {
        for (int x = 2; x < 7; x++) {
          boolean corner = x >= 5 && y >= 5;
          roi[x + sx * (y + sy * z)] = (byte) (corner ? 0 : 1);
        }
      }
    }
    return new Config("C11 L-shape r=" + r + (masked ? " masked" : " unmasked"), sx, sy, sz, roi, img,
        r, masked, KernelShape.CUBE_3D, MapDiscretization.WHOLE_ROI_ONCE, 12);
  }

  /** Random blob ROI touching the image border, random intensities with real-valued bin width. */
  static Config random(long seed, int r, boolean masked, KernelShape shape, MapDiscretization mode) {
    Random rnd = new Random(seed);
    int sx = 6 + rnd.nextInt(4);
    int sy = 6 + rnd.nextInt(4);
    int sz = 2 + rnd.nextInt(3);
    double[] img = new double[sx * sy * sz];
    for (int i = 0; i < img.length; i++) {
      img[i] = 200 + 40 * rnd.nextGaussian();
    }
    byte[] roi = new byte[img.length];
    for (int i = 0; i < img.length; i++) {
      int x = i % sx;
      int y = (i / sx) % sy;
      roi[i] = (byte) ((x + y) % 7 != 3 && rnd.nextDouble() < 0.75 && y < sy - 1 ? 1 : 0);
    }
    roi[0] = 1; // touches the image corner
    return new Config("random seed " + seed + " r=" + r + (masked ? " masked " : " unmasked ") + shape
        + " " + mode, sx, sy, sz, roi, img, r, masked, shape, mode, 17.5);
  }

  static Stream<Arguments> configs() {
    List<Arguments> l = new ArrayList<>();
    for (boolean m : new boolean[] {true, false}) {
      l.add(Arguments.of(c11(2, m)));
      l.add(Arguments.of(c11(1, m)));
      l.add(Arguments.of(random(1, 1, m, KernelShape.CUBE_3D, MapDiscretization.WHOLE_ROI_ONCE)));
      l.add(Arguments.of(random(2, 2, m, KernelShape.SQUARE_2D, MapDiscretization.WHOLE_ROI_ONCE)));
      l.add(Arguments.of(random(3, 1, m, KernelShape.CUBE_3D, MapDiscretization.PER_WINDOW)));
    }
    return l.stream();
  }

  static RadiomicsSettings settings(Config c) {
    return RadiomicsSettings.builder().binWidth(c.binWidth()).kernelRadius(c.r()).maskedKernel(c.masked())
        .force2D(c.shape() == KernelShape.SQUARE_2D).build();
  }

  static FeatureMaps run(Config c, int threads, int chunk) {
    Geometry g = Geometry.of(new int[] {c.sx(), c.sy(), c.sz()}, new double[] {0.7, 0.7, 2.0});
    Map<String, List<String>> f = new LinkedHashMap<>();
    FAMILIES.forEach(n -> f.put(n, List.of()));
    return FeatureMapEngine.builder(Volume.ofDoubles(c.img(), g), new Mask(c.roi(), g))
        .settings(settings(c))
        .kernel(c.shape())
        .discretization(c.mode())
        .features(f)
        .threads(threads)
        .chunkSize(chunk)
        .build()
        .run();
  }

  /** All features of every family at one voxel, computed with the whole-ROI API only. */
  static double[] oracle(Config c, Geometry g, int vx, int vy, int vz) {
    int rz = c.shape() == KernelShape.SQUARE_2D ? 0 : c.r();
    return oracle(c.img(), c.roi(), g, c.r(), rz, c.masked(), c.mode(), settings(c), vx, vy, vz);
  }

  /**
   * Oracle on any image: first-order, GLCM, GLRLM, GLSZM, GLDM, NGTDM (PyRadiomics order) of the
   * window of voxel (vx, vy, vz) with half-widths (r, r, rz).
   */
  static double[] oracle(double[] img, byte[] roiMask, Geometry g, int r, int rz, boolean masked,
      MapDiscretization mode, RadiomicsSettings s, int vx, int vy, int vz) {
    Config c = new Config("", g.size(0), g.size(1), g.size(2), roiMask, img, r, masked,
        KernelShape.CUBE_3D, mode, s.binWidth());
    double[] sp = g.spacing();
    byte[] win = new byte[c.img().length];
    List<Double> wv = new ArrayList<>();
    for (int z = Math.max(0, vz - rz); z <= Math.min(c.sz() - 1, vz + rz); z++) {
      for (int y = Math.max(0, vy - c.r()); y <= Math.min(c.sy() - 1, vy + c.r()); y++) {
        for (int x = Math.max(0, vx - c.r()); x <= Math.min(c.sx() - 1, vx + c.r()); x++) {
          int i = g.index(x, y, z);
          if (!c.masked() || c.roi()[i] != 0) {
            win[i] = 1;
            wv.add(c.img()[i]);
          }
        }
      }
    }
    Mask wm = new Mask(win, g);
    BinEdges edges;
    int ng;
    int nLevels;
    if (c.mode() == MapDiscretization.PER_WINDOW) {
      edges = Discretizer.edges(wv.stream().mapToDouble(Double::doubleValue).toArray(), s);
      ng = 0;
      nLevels = -1;
    } else {
      // discretisation region: ROI (masked) or ROI bounding box ± r clipped (unmasked)
      byte[] region = c.roi().clone();
      if (!c.masked()) {
        int[] bb = new Mask(c.roi(), g).boundingBox();
        region = new byte[region.length];
        for (int z = Math.max(0, bb[2] - rz); z <= Math.min(c.sz() - 1, bb[5] + rz); z++) {
          for (int y = Math.max(0, bb[1] - c.r()); y <= Math.min(c.sy() - 1, bb[4] + c.r()); y++) {
            for (int x = Math.max(0, bb[0] - c.r()); x <= Math.min(c.sx() - 1, bb[3] + c.r()); x++) {
              region[g.index(x, y, z)] = 1;
            }
          }
        }
      }
      Mask rm = new Mask(region, g);
      edges = Discretizer.edges(Discretizer.roiValues(c.img(), rm), s);
      DiscretizedRoi whole = Discretizer.discretize(c.img(), g, rm, rm.boundingBox(), edges, 0);
      ng = whole.ng();
      nLevels = (int) java.util.Arrays.stream(whole.levels()).filter(v -> v > 0).distinct().count();
    }
    DiscretizedRoi roi = Discretizer.discretize(c.img(), g, wm, wm.boundingBox(), edges, ng);
    if (nLevels < 0) {
      nLevels = (int) java.util.Arrays.stream(roi.levels()).filter(v -> v > 0).distinct().count();
    }
    List<Double> out = new ArrayList<>();
    double[] vals = Discretizer.roiValues(c.img(), wm);
    double[] fo = FirstOrder.compute(vals, Discretizer.levels(vals, edges), roi.ng(),
        sp[0] * sp[1] * sp[2], 0, RadiomicsSettings.KurtosisConvention.PYRADIOMICS);
    for (double v : fo) {
      out.add(v);
    }
    int[][] angles = TextureAngles.generate(roi, s.distances(), s.force2D(), s.force2Ddimension(), false);
    double[] glcm = Glcm.aggregate(Glcm.matrix(roi, angles, true), angles.length, roi.ng(), nLevels,
        s.directionAggregation(), new Glcm.Workspace(roi.ng()));
    for (double v : glcm) {
      out.add(v);
    }
    for (String f : List.of("glrlm", "glszm", "gldm", "ngtdm")) {
      for (double v : TextureFamilies.byName(f).compute(roi, s)) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void windowEqualsWholeRoiOnWindowMask(Config c) {
    FeatureMaps maps = run(c, 1, 256);
    Geometry g = maps.geometry();
    List<FeatureInfo> fs = maps.features();
    int checked = 0;
    for (int z = 0; z < c.sz(); z++) {
      for (int y = 0; y < c.sy(); y++) {
        for (int x = 0; x < c.sx(); x++) {
          int i = g.index(x, y, z);
          if (c.roi()[i] == 0) {
            for (float[] m : maps.maps()) {
              assertTrue(Float.isNaN(m[i]), "outside the ROI must be NaN");
            }
            continue;
          }
          double[] o = oracle(c, g, x, y, z);
          assertEquals(fs.size(), o.length);
          for (int f = 0; f < o.length; f++) {
            double ours = maps.maps()[f][i];
            String where = c + " " + fs.get(f).pyradiomicsName() + " at (" + x + "," + y + "," + z + ")";
            if (Double.isNaN(o[f])) {
              assertTrue(Double.isNaN(ours), where + ": oracle NaN, map " + ours);
            } else {
              assertEquals(o[f], ours, 1e-6 * Math.max(1e-6, Math.abs(o[f])), where);
            }
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 1000, "too few values checked: " + checked);
  }

  /** C11: every ROI voxel gets a finite value for every feature (both kernels, radius 2). */
  @Test
  void c11EveryVoxelFinite() {
    for (boolean masked : new boolean[] {true, false}) {
      Config c = c11(2, masked);
      FeatureMaps maps = run(c, 2, 7);
      for (int f = 0; f < maps.maps().length; f++) {
        for (int i = 0; i < c.roi().length; i++) {
          if (c.roi()[i] != 0) {
            assertTrue(Float.isFinite(maps.maps()[f][i]),
                c + ": " + maps.features().get(f).pyradiomicsName() + " not finite at " + i);
          }
        }
      }
    }
  }

  /** C12 determinism: identical maps for any thread count and chunk size (1, 1000, all). */
  @Test
  void identicalForAnyThreadCountAndChunkSize() {
    Config c = random(5, 2, false, KernelShape.CUBE_3D, MapDiscretization.WHOLE_ROI_ONCE);
    FeatureMaps a = run(c, 1, Integer.MAX_VALUE);
    for (int[] tc : new int[][] {{2, 1}, {2, 1000}, {3, 5}}) {
      FeatureMaps b = run(c, tc[0], tc[1]);
      for (int f = 0; f < a.maps().length; f++) {
        assertArrayEquals(a.maps()[f], b.maps()[f], "threads " + tc[0] + " chunk " + tc[1]);
      }
    }
  }
}
