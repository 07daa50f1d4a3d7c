package org.habitatj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.KernelShape;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.NrrdReader;

/**
 * Profiling aid for {@link IthscoreSpeedBench} (run manually): CPU time of the current thread
 * (load-independent) per feature family for brain1 z = 16 with the settings of {@link
 * org.habitatj.core.maps.IthscoreWindowFeatures} (5×5 unmasked windows, per-window binning, spacing
 * 1, one thread), median of 7 runs after 3 warm-up.
 */
public final class IthscoreFeatureProfile {

  private IthscoreFeatureProfile() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("..", "shared", "data", "pyradiomics");
    Volume img = NrrdReader.read(dir.resolve("brain1_image.nrrd")).volume();
    Mask mask = Masks.fromLabelImage(NrrdReader.read(dir.resolve("brain1_label.nrrd")).volume(),
        Masks.LabelChoice.label(1)).mask();
    int z = 16;
    Geometry g = img.geometry();
    int sx = g.size(0);
    int sy = g.size(1);
    double[] slice = Arrays.copyOfRange(img.toDoubleArray(), sx * sy * z, sx * sy * (z + 1));
    byte[] m = Arrays.copyOfRange(mask.data(), sx * sy * z, sx * sy * (z + 1));
    Geometry unit = Geometry.of(new int[] {sx, sy, 1}, new double[] {1, 1, 1});
    Volume v = Volume.ofDoubles(slice, unit);
    Mask sm = new Mask(m, unit);
    RadiomicsSettings s =
        RadiomicsSettings.builder().binWidth(25).kernelRadius(2).maskedKernel(false).build();
    ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
    double sum = 0;
    for (String fam : List.of("firstorder", "shape", "glcm", "gldm", "glrlm", "glszm", "ngtdm",
        "ALL", "ALL-but-shape")) {
      Map<String, List<String>> f = new LinkedHashMap<>();
      if (fam.startsWith("ALL")) {
        for (String b : List.of("firstorder", "shape", "glcm", "gldm", "glrlm", "glszm",
            "ngtdm")) {
          f.put(b, List.of());
        }
        if (fam.equals("ALL-but-shape")) {
          f.remove("shape");
        }
      } else {
        f.put(fam, List.of());
      }
      long[] t = new long[7];
      for (int it = -3; it < t.length; it++) {
        long a = tmx.getCurrentThreadCpuTime();
        FeatureMapEngine.builder(v, sm).settings(s).kernel(KernelShape.SQUARE_2D)
            .discretization(MapDiscretization.PER_WINDOW).features(f).threads(1).build().run();
        if (it >= 0) {
          t[it] = tmx.getCurrentThreadCpuTime() - a;
        }
      }
      Arrays.sort(t);
      double ms = t[t.length / 2] / 1e6;
      if (!fam.startsWith("ALL")) {
        sum += ms;
      }
      System.out.printf(Locale.ROOT, "  %-10s %8.1f ms CPU (%.1f us per window)%n", fam, ms,
          ms * 1000 / sm.count());
    }
    org.habitatj.core.maps.IthscoreWindowFeatures.Result r =
        org.habitatj.core.maps.IthscoreWindowFeatures.compute(img, mask, z, 1,
            org.habitatj.core.progress.Progress.NONE);
    String[] names = r.features().stream()
        .map(org.habitatj.core.features.FeatureInfo::pyradiomicsName).toArray(String[]::new);
    double[][] rows = org.habitatj.core.habitat.FeatureStandardizer.transpose(
        org.habitatj.core.habitat.FeatureStandardizer.ithscoreScaling(
            org.habitatj.core.habitat.FeatureStandardizer.transpose(r.values()), names));
    for (int i = 0; i < 3; i++) {
      long a = tmx.getCurrentThreadCpuTime();
      org.habitatj.core.habitat.HabitatClustering.cluster(rows,
          org.habitatj.core.habitat.HabitatClustering.Options.DEFAULT,
          org.habitatj.core.progress.Progress.NONE);
      System.out.printf(Locale.ROOT, "  K-means (Smile, default restarts): %.1f ms thread CPU%n",
          (tmx.getCurrentThreadCpuTime() - a) / 1e6);
    }
    System.out.printf(Locale.ROOT, "  sum of families %.1f ms; load %s%n", sum, IthBench.load());
  }
}
