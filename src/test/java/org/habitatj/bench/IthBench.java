package org.habitatj.bench;

import java.nio.file.Files;
import java.util.Random;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.habitat.VoxelFeatures;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.PeritumoralRing;
import org.habitatj.core.ith.IthReference;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.progress.Progress;

/**
 * Benchmark (run manually): {@code mvn -o -q test-compile exec:java} is not configured, so run
 * with {@code java -cp target/classes:target/test-classes:<deps> org.habitatj.bench.IthBench}.
 * Prints wall times (median of repeats) for: ring (2D and 3D) on a ~20,000-voxel 3D tumour;
 * K-means (K = 6, 10 restarts) + ITH on tumour and on tumour ∪ ring with 20 features; K-means on
 * brain1's 984 × 107 reference matrix.
 */
public final class IthBench {

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // ellipsoid tumour in a 160x160x40 grid, 0.7 x 0.7 x 3 mm
    Geometry g = Geometry.of(new int[] {160, 160, 40}, new double[] {0.7, 0.7, 3.0});
    byte[] t = new byte[Math.toIntExact(g.voxelCount())];
    double ax = 20.4;
    double ay = 16.3;
    double az = 21.0;
    for (int z = 0; z < 40; z++) {
      for (int y = 0; y < 160; y++) {
        for (int x = 0; x < 160; x++) {
          double dx = (x - 80) * 0.7 / ax;
          double dy = (y - 80) * 0.7 / ay;
          double dz = (z - 20) * 3.0 / az;
          if (dx * dx + dy * dy + dz * dz <= 1) {
            t[g.index(x, y, z)] = 1;
          }
        }
      }
    }
    Mask tumour = new Mask(t, g);
    System.out.println("tumour voxels: " + tumour.count());
    PeritumoralRing r2 = PeritumoralRing.builder().build();
    PeritumoralRing r3 = PeritumoralRing.builder().mode(PeritumoralRing.Mode.VOLUME_3D).build();
    PeritumoralRing.Result ring = null;
    long[] ring2 = new long[reps];
    long[] ring3 = new long[reps];
    for (int i = 0; i < reps; i++) {
      long a = System.nanoTime();
      ring = r2.compute(tumour);
      ring2[i] = System.nanoTime() - a;
      a = System.nanoTime();
      r3.compute(tumour);
      ring3[i] = System.nanoTime() - a;
    }
    System.out.printf("ring 2D: %d voxels, %.2f ms; ring 3D: %.2f ms%n", ring.voxels(),
        median(ring2), median(ring3));
    VoxelFeatures tf = synthetic(g, tumour, 20, 1);
    VoxelFeatures rf = synthetic(g, ring.mask(), 20, 2);
    IthPipeline.Options o = IthPipeline.Options.DEFAULT;
    long[] only = new long[reps];
    long[] both = new long[reps];
    long[] chain = new long[reps];
    long[] chainCpu = new long[reps];
    IthPipeline.Result res = null;
    for (int i = 0; i < reps; i++) {
      long a = System.nanoTime();
      IthPipeline.run(tf, null, o, Progress.NONE);
      only[i] = System.nanoTime() - a;
      a = System.nanoTime();
      res = IthPipeline.run(tf, rf, o, Progress.NONE);
      both[i] = System.nanoTime() - a;
      a = System.nanoTime();
      long c0 = cpu();
      PeritumoralRing.Result rr = r2.compute(tumour);
      IthPipeline.run(tf, synthetic(g, rr.mask(), 20, 2), o, Progress.NONE);
      chain[i] = System.nanoTime() - a;
      chainCpu[i] = cpu() - c0;
    }
    System.out.printf("K-means(K=6, default restarts)+ITH, tumour only (%d x 20): %.1f ms%n",
        tf.voxelCount(), median(only));
    System.out.printf("tumour + joint tumour∪ring (%d + %d voxels): %.1f ms; ITH %.4f, combined "
        + "%.4f, ring-only %.4f%n", tf.voxelCount(), rf.voxelCount(), median(both),
        res.tumourIth().score(), res.combined().combined().score(),
        res.combined().ringOnly().score());
    System.out.printf("ring + both clusterings + scores: %.1f ms wall, %.1f ms process CPU%n",
        median(chain), median(chainCpu));

    if (IthReference.available()) {
      IthReference.Features f = IthReference.features("brain1");
      double[][] rows0 = FeatureStandardizer.transpose(FeatureStandardizer.ithscoreScaling(
          FeatureStandardizer.transpose(f.x()), f.names()));
      {
        long[] w = new long[reps];
        long[] cp = new long[reps];
        for (int i = 0; i < reps; i++) {
          long a = System.nanoTime();
          long c0 = cpu();
          HabitatClustering.cluster(rows0, HabitatClustering.Options.DEFAULT,
              Progress.NONE);
          w[i] = System.nanoTime() - a;
          cp[i] = cpu() - c0;
        }
        System.out.printf("brain1 984 x 107 K-means only (Smile, K=6, %d restarts): %.1f ms "
            + "wall, %.1f ms process CPU%n", HabitatClustering.Options.DEFAULT.restarts(), median(w),
            median(cp));
      }
      long[] km = new long[reps];
      HabitatClustering.Result hr = null;
      for (int i = 0; i < reps; i++) {
        long a = System.nanoTime();
        double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.ithscoreScaling(
            FeatureStandardizer.transpose(f.x()), f.names()));
        hr = HabitatClustering.cluster(rows, HabitatClustering.Options.DEFAULT, Progress.NONE);
        IthReference.LabelMap m = IthReference.labelMap("brain1", 0);
        int[] map = new int[m.labels().length];
        for (int j = 0; j < hr.labels().length; j++) {
          map[f.subRow()[j] * m.width() + f.subCol()[j]] = hr.labels()[j];
        }
        IthScore.score(map, m.width(), m.height(), 1);
        km[i] = System.nanoTime() - a;
      }
      System.out.printf("brain1 984 x 107: scaling + K-means (K=6, default restarts) + ITH: %.1f ms "
          + "(label-map CSV read included)%n", median(km));
      // the whole ITHscore computation from the image (ITHscore package: 6.3 s with 2 workers)
      java.nio.file.Path in = IthReference.DIR.resolve("inputs");
      org.habitatj.core.image.Volume img = org.habitatj.io.NrrdReader.read(
          in.resolve("brain1_z16_image1z.nrrd")).volume();
      org.habitatj.core.image.Volume lab = org.habitatj.io.NrrdReader.read(
          in.resolve("brain1_z16_label1z.nrrd")).volume();
      Mask roi = org.habitatj.core.image.Masks.fromLabelImage(lab,
          org.habitatj.core.image.Masks.LabelChoice.label(1)).mask();
      org.habitatj.core.settings.RadiomicsSettings st =
          org.habitatj.core.settings.RadiomicsSettings.defaults().toBuilder().maskedKernel(false)
              .build();
      long[] w = new long[reps];
      long[] cp = new long[reps];
      for (int i = 0; i < reps; i++) {
        long a = System.nanoTime();
        long c0 = cpu();
        org.habitatj.core.maps.FeatureMaps maps = org.habitatj.core.maps.FeatureMapEngine
            .builder(img, roi).settings(st).kernel(org.habitatj.core.maps.KernelShape.SQUARE_2D)
            .radiusVoxels(2).discretization(org.habitatj.core.maps.MapDiscretization.PER_WINDOW)
            .threads(2).build().run();
        IthPipeline.run(VoxelFeatures.of(maps, roi), null, IthPipeline.Options.DEFAULT,
            Progress.NONE);
        w[i] = System.nanoTime() - a;
        cp[i] = cpu() - c0;
      }
      System.out.printf("brain1 z16 whole ITHscore chain (93 maps 5x5 per-window, K-means, ITH): "
          + "%.1f ms wall, %.1f ms process CPU%n", median(w), median(cp));
    } else {
      System.out.println("../shared not present: brain1 skipped " + Files.exists(IthReference.DIR));
    }
  }

  /** Spatially structured features: smooth gradients + noise, seeded. */
  static VoxelFeatures synthetic(Geometry g, Mask m, int nf, long seed) {
    Random rnd = new Random(seed);
    int n = m.count();
    int[] vox = new int[n];
    double[][] c = new double[nf][n];
    int k = 0;
    int nx = g.size(0);
    int ny = g.size(1);
    for (int i = 0; i < m.data().length; i++) {
      if (m.contains(i)) {
        vox[k] = i;
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / (nx * ny);
        for (int f = 0; f < nf; f++) {
          c[f][k] = Math.sin(0.1 * x * (1 + f % 3)) + Math.cos(0.13 * y * (1 + f % 4))
              + 0.2 * z * (f % 2) + 0.3 * rnd.nextGaussian();
        }
        k++;
      }
    }
    String[] names = new String[nf];
    for (int f = 0; f < nf; f++) {
      names[f] = "f" + f;
    }
    return new VoxelFeatures(g, vox, names, c);
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The 1-minute load average and processor count, for reporting next to timings. */
  static String load() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return String.format(java.util.Locale.ROOT, "%.2f (1 min) on %d cores",
        os.getSystemLoadAverage(), os.getAvailableProcessors());
  }

  static double median(long[] ns) {
    long[] s = ns.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }
}
