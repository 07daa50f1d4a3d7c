package org.habitatj.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.habitatj.core.features.BinEdges;
import org.habitatj.core.features.DiscretizedRoi;
import org.habitatj.core.features.Discretizer;
import org.habitatj.core.features.Glcm;
import org.habitatj.core.features.TextureAngles;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.junit.jupiter.api.Test;

/**
 * Case C11 oracle for GLCM maps with {@code symmetricalGLCM: false} (the asymmetric matrices take
 * the general MCC path and the flagged-cell load with one flag per pair): every map value equals
 * {@link Glcm#aggregate} of {@link Glcm#matrix}(window, asymmetric) with the map's bin edges and Ng,
 * within 1e-6 relative (the map is float).
 */
class GlcmAsymmetricMapTest {

  @Test
  void asymmetricGlcmMapsEqualTheWholeRoiOracle() {
    for (boolean masked : new boolean[] {true, false}) {
      MapOracleTest.Config c = MapOracleTest.random(9, 1, masked, KernelShape.CUBE_3D,
          MapDiscretization.WHOLE_ROI_ONCE);
      Geometry g = Geometry.of(new int[] {c.sx(), c.sy(), c.sz()}, new double[] {0.7, 0.7, 2.0});
      RadiomicsSettings s = RadiomicsSettings.builder().binWidth(c.binWidth()).kernelRadius(c.r())
          .maskedKernel(masked).symmetricalGLCM(false).build();
      FeatureMaps maps = FeatureMapEngine.builder(Volume.ofDoubles(c.img(), g), new Mask(c.roi(), g))
          .settings(s).features(Map.of("glcm", List.of())).threads(2).chunkSize(3).build().run();
      // discretisation region of PyRadiomics' voxel mode: ROI, or ROI box ± r when unmasked
      byte[] region = c.roi().clone();
      if (!masked) {
        int[] bb = new Mask(c.roi(), g).boundingBox();
        region = new byte[region.length];
        for (int z = Math.max(0, bb[2] - c.r()); z <= Math.min(c.sz() - 1, bb[5] + c.r()); z++) {
          for (int y = Math.max(0, bb[1] - c.r()); y <= Math.min(c.sy() - 1, bb[4] + c.r()); y++) {
            for (int x = Math.max(0, bb[0] - c.r()); x <= Math.min(c.sx() - 1, bb[3] + c.r()); x++) {
              region[g.index(x, y, z)] = 1;
            }
          }
        }
      }
      Mask rm = new Mask(region, g);
      BinEdges edges = Discretizer.edges(Discretizer.roiValues(c.img(), rm), s);
      DiscretizedRoi whole = Discretizer.discretize(c.img(), g, rm, rm.boundingBox(), edges, 0);
      int ng = whole.ng();
      int nLevels = (int) java.util.Arrays.stream(whole.levels()).filter(v -> v > 0).distinct().count();
      int checked = 0;
      int mccChecked = 0;
      for (int vz = 0; vz < c.sz(); vz++) {
        for (int vy = 0; vy < c.sy(); vy++) {
          for (int vx = 0; vx < c.sx(); vx++) {
            int i = g.index(vx, vy, vz);
            if (c.roi()[i] == 0) {
              continue;
            }
            byte[] win = new byte[c.img().length];
            for (int z = Math.max(0, vz - c.r()); z <= Math.min(c.sz() - 1, vz + c.r()); z++) {
              for (int y = Math.max(0, vy - c.r()); y <= Math.min(c.sy() - 1, vy + c.r()); y++) {
                for (int x = Math.max(0, vx - c.r()); x <= Math.min(c.sx() - 1, vx + c.r()); x++) {
                  int k = g.index(x, y, z);
                  if (!masked || c.roi()[k] != 0) {
                    win[k] = 1;
                  }
                }
              }
            }
            Mask wm = new Mask(win, g);
            DiscretizedRoi roi = Discretizer.discretize(c.img(), g, wm, wm.boundingBox(), edges, ng);
            int[][] angles = TextureAngles.generate(roi, s.distances(), false, 0, false);
            double[] o = Glcm.aggregate(Glcm.matrix(roi, angles, false), angles.length, ng, nLevels,
                s.directionAggregation(), new Glcm.Workspace(ng));
            for (int f = 0; f < o.length; f++) {
              double ours = maps.map(f)[i];
              String where = (masked ? "masked " : "unmasked ")
                  + maps.features().get(f).pyradiomicsName() + " at (" + vx + "," + vy + "," + vz + ")";
              if (Double.isNaN(o[f])) {
                assertTrue(Double.isNaN(ours), where + ": oracle NaN, map " + ours);
              } else {
                assertEquals(o[f], ours, 1e-6 * Math.max(1e-6, Math.abs(o[f])), where);
                if (f == 19) {
                  mccChecked++;
                }
              }
              checked++;
            }
          }
        }
      }
      assertTrue(checked > 500 && mccChecked > 20, "checked " + checked + ", MCC " + mccChecked);
    }
  }
}
