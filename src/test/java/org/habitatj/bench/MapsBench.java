package org.habitatj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.NrrdReader;

/**
 * Feature-map benchmark (run manually, not a test): {@code bench/maps.sh}.
 *
 * <ul>
 *   <li>{@code brain1}: brain1 whole 3D ROI (4137 voxels), first-order + GLCM (with and without
 *       MCC), kernel radius 2, masked, binWidth 25; PyRadiomics takes about 25 s for this on our
 *       2-core machines (reference/README section 2). Prints the best and median wall time of 15
 *       runs of {@link FeatureMapEngine#run()} (maps stored at the ROI voxels, as PyRadiomics
 *       returns them on the ROI's bounding box), the median process CPU time (all threads), the
 *       extra time to build the image-grid hyperstack that Compute Feature Maps shows ({@link
 *       org.habitatj.ij.FeatureMapImages#toHyperstack}), and the system load average before and
 *       after (the machine is
 *       shared: compare figures only at similar load).
 *   <li>{@code c12}: case C12, 256×256×30 volume, 80×80×20 ROI (128,000 voxels), binCount 32, GLCM
 *       13 directions, radius 2; run with -Xmx2g, reports time and peak heap.
 * </ul>
 */
public final class MapsBench {

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "brain1";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (which.equals("c12")) {
      c12(threads);
    } else {
      brain1(threads);
    }
  }

  static void brain1(int threads) throws Exception {
    Path d = Path.of("..", "shared", "data", "pyradiomics");
    Volume img = NrrdReader.read(d.resolve("brain1_image.nrrd")).volume();
    Mask mask =
        Masks.fromLabelImage(
                NrrdReader.read(d.resolve("brain1_label.nrrd")).volume(), Masks.LabelChoice.label(1))
            .mask();
    RadiomicsSettings s =
        RadiomicsSettings.builder().binWidth(25).kernelRadius(2).maskedKernel(true).build();
    List<String> noMcc = new java.util.ArrayList<>();
    for (var f : org.habitatj.core.features.Glcm.FEATURES) {
      if (!f.name().equals("MCC")) {
        noMcc.add(f.name());
      }
    }
    Object[][] cases = {
      {"first-order + GLCM (all 24 incl. MCC)", List.of()},
      {"first-order + GLCM without MCC (23)", noMcc}
    };
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int reps = 15;
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      List<String> glcm = (List<String>) c[1];
      FeatureMapEngine e =
          FeatureMapEngine.builder(img, mask)
              .settings(s)
              .features(Map.of("firstorder", List.of(), "glcm", glcm))
              .threads(threads)
              .build();
      int n = mask.count();
      double[] wall = new double[reps];
      double[] cpu = new double[reps];
      double[] expand = new double[reps];
      int maps = 0;
      double load0 = os.getSystemLoadAverage();
      for (int rep = 0; rep < reps; rep++) {
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        FeatureMaps m = e.run();
        wall[rep] = (System.nanoTime() - t0) / 1e6;
        cpu[rep] = (os.getProcessCpuTime() - c0) / 1e6;
        long t1 = System.nanoTime();
        // the hyperstack Compute Feature Maps shows (image grid), timed apart
        maps = org.habitatj.ij.FeatureMapImages.toHyperstack(m, "maps").getNChannels();
        expand[rep] = (System.nanoTime() - t1) / 1e6;
      }
      double load1 = os.getSystemLoadAverage();
      double best = Arrays.stream(wall).min().getAsDouble();
      double median = median(wall);
      System.out.printf(
          Locale.ROOT,
          "brain1 3D, %d ROI voxels, %s = %d maps, r=2 masked, binWidth 25, %d threads, %d runs:%n"
              + "  wall best %.1f ms (%.0f voxels/s, PyRadiomics ~25 s -> %.0fx), median %.1f ms"
              + " (%.0fx); process CPU median %.0f ms (%.0fx of one core);%n"
              + "  hyperstack of all maps on the image grid for display"
              + " (FeatureMapImages.toHyperstack) median %.1f ms more;"
              + " load average %.1f -> %.1f%n",
          n, c[0], maps, threads, reps, best, n / (best / 1e3), 25000 / best, median,
          25000 / median, median(cpu), 25000 / median(cpu), median(expand), load0, load1);
    }
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
  }

  static void c12(int threads) {
    int sx = 256;
    int sy = 256;
    int sz = 30;
    Geometry g = Geometry.of(new int[] {sx, sy, sz}, new double[] {0.8, 0.8, 3});
    float[] img = new float[sx * sy * sz];
    Random r = new Random(12);
    for (int i = 0; i < img.length; i++) {
      img[i] = (float) (500 + 200 * r.nextGaussian());
    }
    byte[] roi = new byte[img.length];
    for (int z = 5; z < 25; z++) {
      for (int y = 88; y < 168; y++) {
        for (int x = 88; x < 168; x++) {
          roi[x + sx * (y + sy * z)] = 1;
        }
      }
    }
    Mask mask = new Mask(roi, g);
    RadiomicsSettings s = RadiomicsSettings.builder().binCount(32).kernelRadius(2).build();
    long t0 = System.nanoTime();
    FeatureMaps m =
        FeatureMapEngine.builder(Volume.ofFloats(img, g), mask)
            .settings(s)
            .features(Map.of("glcm", List.of()))
            .threads(threads)
            .build()
            .run();
    double sec = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "C12: 256x256x30, %d ROI voxels, GLCM (24 maps) binCount 32 r=2, %d threads: %.2f s"
            + " (%.0f voxels/s), peak heap %.0f MB of max %.0f MB; Contrast at centre %s;"
            + " load average %.1f%n",
        mask.count(), threads, sec, mask.count() / sec, peak / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0,
        m.map("original_glcm_Contrast")[128 + sx * (128 + sy * 15)],
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
