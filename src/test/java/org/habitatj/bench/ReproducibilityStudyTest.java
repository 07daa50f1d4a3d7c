package org.habitatj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Morphology;
import org.habitatj.core.image.Volume;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.stats.Icc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the machinery of {@link ReproducibilityStudy} on two real sarcoma cases (STS_002, STS_008;
 * skipped without ../shared): the perturbed masks, the slice-restriction shortcut, the CSV table
 * and the ICC computed from it.
 */
class ReproducibilityStudyTest {

  private static final String[] CASES = {"STS_008", "STS_002"};

  private static Object[] load(String id) throws Exception {
    Path dir = ReproducibilityStudy.DATA.resolve(id);
    assumeTrue(Files.isDirectory(dir), "../shared not available");
    return ReproducibilityStudy.load(dir);
  }

  /**
   * Independent definition of the 1-pixel contours with the 3×3 neighbourhood, in-image neighbours
   * only, per slice: inner = mask pixels with an 8-neighbour outside the mask; outer = non-mask
   * pixels with an 8-neighbour in the mask. Eroded must be mask − inner, dilated mask + outer.
   */
  @Test
  void perturbedMasksDifferByExactlyTheOnePixelContour() throws Exception {
    for (String id : CASES) {
      Mask m = (Mask) load(id)[1];
      Mask[] p = ReproducibilityStudy.perturb(m, Morphology.Neighbourhood.EIGHT);
      assertTrue(p[0] == m, "original is the input mask");
      int[] s = m.geometry().size();
      byte[] inner = new byte[m.data().length];
      byte[] outer = new byte[m.data().length];
      int nInner = 0;
      int nOuter = 0;
      for (int z = 0; z < s[2]; z++) {
        for (int y = 0; y < s[1]; y++) {
          for (int x = 0; x < s[0]; x++) {
            boolean in = m.contains(x, y, z);
            boolean touchesOut = false;
            boolean touchesIn = false;
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < s[0] && yy < s[1]) {
                  boolean v = m.contains(xx, yy, z);
                  touchesOut |= !v;
                  touchesIn |= v;
                }
              }
            }
            int i = x + s[0] * (y + s[1] * z);
            if (in && touchesOut) {
              inner[i] = 1;
              nInner++;
            }
            if (!in && touchesIn) {
              outer[i] = 1;
              nOuter++;
            }
          }
        }
      }
      assertTrue(nInner > 100 && nOuter > 100, id + ": contours " + nInner + ", " + nOuter);
      byte[] eroded = new byte[inner.length];
      byte[] dilated = new byte[inner.length];
      for (int i = 0; i < inner.length; i++) {
        eroded[i] = (byte) (m.data()[i] != 0 && inner[i] == 0 ? 1 : 0);
        dilated[i] = (byte) (m.data()[i] != 0 || outer[i] != 0 ? 1 : 0);
      }
      assertArrayEquals(eroded, p[1].data(), id + " eroded");
      assertArrayEquals(dilated, p[2].data(), id + " dilated");
      assertEquals(m.count() - nInner, p[1].count());
      assertEquals(m.count() + nOuter, p[2].count());
    }
  }

  /**
   * The study gives the pipeline the mask restricted to the habitat slice; with the default
   * settings this must give the same scores as the full 3D mask (on STS_008, whose eroded mask keeps
   * the same largest slice).
   */
  @Test
  void sliceRestrictionGivesTheFullPipelineScores() throws Exception {
    Object[] im = load("STS_008");
    Volume img = (Volume) im[0];
    Mask m = (Mask) im[1];
    CasePipeline.Settings s = ReproducibilityStudy.settings(2, 0);
    for (Mask mr : ReproducibilityStudy.perturb(m, Morphology.Neighbourhood.EIGHT)) {
      CasePipeline.Result full = CasePipeline.run(img, mr, s, CasePipeline.Clinical.NONE,
          Progress.NONE);
      ReproducibilityStudy.Row row = ReproducibilityStudy.runOne("STS_008",
          ReproducibilityStudy.SlicePolicy.OWN, ReproducibilityStudy.Rater.ORIGINAL, img, mr,
          IthPipeline.largestAreaSlice(mr), s);
      assertEquals(full.habitatSlice(), row.slice());
      assertEquals(full.ithScore(), row.ith(), 0.0);
      assertEquals(full.combinedIthScore(), row.combined(), 0.0);
    }
  }

  @Test
  void tableAndIccOnTwoCases(@TempDir Path tmp) throws Exception {
    List<ReproducibilityStudy.Row> rows = new ArrayList<>();
    for (String id : CASES) {
      Object[] im = load(id);
      rows.addAll(ReproducibilityStudy.runCase(id, (Volume) im[0], (Mask) im[1],
          Morphology.Neighbourhood.EIGHT, 2, 2));
    }
    // per case: 3 raters x 2 policies + 1 extra seed
    assertEquals(2 * 7, rows.size());
    for (ReproducibilityStudy.Row r : rows) {
      for (double v : new double[] {r.ith(), r.combined(), r.ringOnly()}) {
        assertTrue(v >= 0 && v <= 1, r + ": score outside [0,1]");
      }
      assertTrue(r.tumourPixels() > 0 && r.ringPixels() > 0, r.toString());
    }
    // eroded < original < dilated voxel counts; FIXED rows use the original's slice
    for (String id : CASES) {
      int[] vox = new int[3];
      int zOrig = -1;
      for (ReproducibilityStudy.Row r : rows) {
        if (r.caseId().equals(id) && r.seed() == 0
            && r.policy() == ReproducibilityStudy.SlicePolicy.OWN) {
          vox[r.rater().ordinal()] = r.maskVoxels();
          if (r.rater() == ReproducibilityStudy.Rater.ORIGINAL) {
            zOrig = r.slice();
          }
        }
      }
      assertTrue(vox[1] < vox[0] && vox[0] < vox[2], id);
      for (ReproducibilityStudy.Row r : rows) {
        if (r.caseId().equals(id) && r.policy() == ReproducibilityStudy.SlicePolicy.FIXED) {
          assertEquals(zOrig, r.slice(), r.toString());
        }
      }
    }
    // determinism: the same run again gives the same scores
    Object[] im = load("STS_008");
    ReproducibilityStudy.Row again = ReproducibilityStudy.runOne("STS_008",
        ReproducibilityStudy.SlicePolicy.OWN, ReproducibilityStudy.Rater.ORIGINAL,
        (Volume) im[0], (Mask) im[1], rows.get(0).slice(), ReproducibilityStudy.settings(2, 0));
    assertEquals(rows.get(0).ith(), again.ith(), 0.0);
    assertEquals(rows.get(0).combined(), again.combined(), 0.0);

    // CSV round trip
    Path csv = tmp.resolve("repro.csv");
    ReproducibilityStudy.writeCsv(rows, csv);
    List<ReproducibilityStudy.Row> back = ReproducibilityStudy.readCsv(csv);
    assertEquals(rows.size(), back.size());
    for (int i = 0; i < rows.size(); i++) {
      ReproducibilityStudy.Row a = rows.get(i);
      ReproducibilityStudy.Row b = back.get(i);
      assertEquals(a.caseId(), b.caseId());
      assertEquals(a.rater(), b.rater());
      assertEquals(a.policy(), b.policy());
      assertEquals(a.ith(), b.ith(), 0.0);
      assertEquals(a.combined(), b.combined(), 0.0);
    }

    // ICC(2,1) from the table read back equals Icc and an independent McGraw–Wong computation
    double[][] t = ReproducibilityStudy.ratings(back, ReproducibilityStudy.SlicePolicy.OWN,
        ReproducibilityStudy.Row::ith, ReproducibilityStudy.Rater.values());
    assertEquals(2, t.length);
    for (ReproducibilityStudy.Row r : back) {
      if (r.seed() == 0 && r.policy() == ReproducibilityStudy.SlicePolicy.OWN) {
        int row = r.caseId().equals(CASES[0]) ? 0 : 1;
        assertEquals(r.ith(), t[row][r.rater().ordinal()], 0.0);
      }
    }
    Icc.Estimate e = ReproducibilityStudy.icc21Estimate(t);
    assertEquals(Icc.compute(t).get(Icc.Form.ICC2_1).value(), e.value(), 0.0);
    assertEquals(mcGrawWongA1(t), e.value(), 1e-12);
    if (e.value() > 0 && e.df2() >= 1) {
      assertTrue(e.lower() <= e.value() && e.value() <= e.upper(), e.toString());
    } else {
      // two cases that disagree: negative ICC and a Satterthwaite df far below 1, where the F
      // quantile and so the McGraw–Wong lower bound are undefined (NaN), never a silent number
      assertTrue(Double.isNaN(e.lower()), e.toString());
    }
  }

  /**
   * ICC(A,1) = (MSR − MSE) / (MSR + (k−1)·MSE + k/n·(MSC − MSE)) from sums of squares computed
   * as SST − SSR − SSC (McGraw &amp; Wong 1996, Table 4, case 2A).
   */
  private static double mcGrawWongA1(double[][] t) {
    int n = t.length;
    int k = t[0].length;
    double grand = 0;
    for (double[] r : t) {
      for (double v : r) {
        grand += v;
      }
    }
    grand /= n * k;
    double sst = 0;
    double ssr = 0;
    double ssc = 0;
    for (int i = 0; i < n; i++) {
      double m = 0;
      for (int j = 0; j < k; j++) {
        m += t[i][j] / k;
        sst += (t[i][j] - grand) * (t[i][j] - grand);
      }
      ssr += k * (m - grand) * (m - grand);
    }
    for (int j = 0; j < k; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += t[i][j] / n;
      }
      ssc += n * (m - grand) * (m - grand);
    }
    double msr = ssr / (n - 1);
    double msc = ssc / (k - 1);
    double mse = (sst - ssr - ssc) / ((n - 1) * (k - 1));
    return (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
  }
}
