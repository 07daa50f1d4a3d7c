package org.habitatj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Morphology;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.core.stats.Icc;
import org.habitatj.io.MedicalImageReader;

/**
 * Reproducibility of the ITH and combined ITH scores under ±1-pixel contour perturbation (run
 * manually): for each shared IBSI STS MR case, on the largest-area slice of the original mask, the
 * scores of the mask, its 1-px erosion and its 1-px dilation (8-neighbourhood, 2D); ICC(2,1) over
 * cases with the three contours as raters. Defaults of the ITHscore package (5×5 windows, bins per
 * window, min–max, K = 6, seed 0, 8-connectivity), ring 3 mm 2D.
 */
public final class IthReproducibilityBench {

  public static void main(String[] args) throws Exception {
    Path root = Path.of("..", "shared", "data", "ibsi_sts_mr", "nifti");
    List<Path> cases;
    try (Stream<Path> s = Files.list(root)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    int limit = args.length > 0 ? Integer.parseInt(args[0]) : cases.size();
    restarts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<double[]> ith = new ArrayList<>();
    List<double[]> comb = new ArrayList<>();
    for (Path c : cases.subList(0, Math.min(limit, cases.size()))) {
      Volume img = MedicalImageReader.read(c.resolve("MR_T1_image.nii.gz")).volume();
      Volume lab = MedicalImageReader.read(c.resolve("MR_T1_mask.nii.gz")).volume();
      Mask m = Masks.fromLabelImage(lab, Masks.LabelChoice.label(1)).mask();
      int z = IthPipeline.largestAreaSlice(m);
      Mask s = IthPipeline.slice(m, z);
      Mask[] variants = {s, Morphology.erode(s, Morphology.Neighbourhood.EIGHT),
          Morphology.dilate(s, Morphology.Neighbourhood.EIGHT)};
      double[] a = new double[3];
      double[] b = new double[3];
      for (int v = 0; v < 3; v++) {
        double[] r = scores(img, variants[v]);
        a[v] = r[0];
        b[v] = r[1];
      }
      ith.add(a);
      comb.add(b);
      System.out.printf("%s z=%d px=%d: ITH %.4f/%.4f/%.4f combined %.4f/%.4f/%.4f%n",
          c.getFileName(), z, s.count(), a[0], a[1], a[2], b[0], b[1], b[2]);
    }
    Icc.Estimate e1 = Icc.compute(ith.toArray(new double[0][])).get(Icc.Form.ICC2_1);
    Icc.Estimate e2 = Icc.compute(comb.toArray(new double[0][])).get(Icc.Form.ICC2_1);
    System.out.printf("ICC(2,1) ITH: %.3f [%.3f, %.3f]; combined ITH: %.3f [%.3f, %.3f] "
        + "(n = %d cases, raters = original / eroded / dilated, %d restarts)%n", e1.value(),
        e1.lower(), e1.upper(), e2.value(), e2.lower(), e2.upper(), ith.size(), restarts);
  }

  static int restarts = 10;

  static double[] scores(Volume img, Mask tumour) {
    Mask ring = PeritumoralRing.builder().build().compute(tumour).mask();
    byte[] u = tumour.data().clone();
    for (int i = 0; i < u.length; i++) {
      u[i] |= ring.data()[i];
    }
    RadiomicsSettings st = RadiomicsSettings.defaults().toBuilder().maskedKernel(false).build();
    FeatureMaps maps = FeatureMapEngine.builder(img, new Mask(u, tumour.geometry())).settings(st)
        .kernel(KernelShape.SQUARE_2D).radiusVoxels(2)
        .discretization(MapDiscretization.PER_WINDOW).threads(2).build().run();
    IthPipeline.Result r = IthPipeline.run(VoxelFeatures.of(maps, tumour),
        VoxelFeatures.of(maps, ring), new IthPipeline.Options(IthPipeline.Options.DEFAULT
            .standardization(), IthPipeline.Options.DEFAULT.clustering().withRestarts(restarts),
            IthPipeline.Options.DEFAULT.ith()), Progress.NONE);
    return new double[] {r.tumourIth().score(), r.combined().combined().score()};
  }
}
