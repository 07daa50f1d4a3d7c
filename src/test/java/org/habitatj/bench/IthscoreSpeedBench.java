package org.habitatj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.habitatj.core.features.FeatureInfo;
import org.habitatj.core.habitat.FeatureStandardizer;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.ith.IthReference;
import org.habitatj.core.ith.IthScore;
import org.habitatj.core.maps.IthscoreWindowFeatures;
import org.habitatj.core.progress.Progress;
import org.habitatj.io.NrrdReader;

/**
 * Speed of the ITHscore-package-equivalent computation (issue 5, "Speed", goal ≥ 100× the
 * package's 6.3 s with 2 workers) on brain1's largest slice ({@code
 * ../shared/data/pyradiomics/brain1_{image,label}.nrrd}, label 1, z = 16, 984 pixels):
 *
 * <ol>
 *   <li>per-pixel 107 PyRadiomics features of 5×5 unmasked windows ({@link
 *       IthscoreWindowFeatures}, 2 threads);
 *   <li>the package's min–max scaling ({@link FeatureStandardizer#ithscoreScaling});
 *   <li>K-means K = 6 ({@link HabitatClustering.Options#DEFAULT}: 20 restarts, seed 0);
 *   <li>the ITH score on the slice's label map ({@link IthScore}, 8-connectivity, 1-pixel regions
 *       dropped).
 * </ol>
 *
 * Image reading is excluded (the package's 6.3 s also starts from arrays in memory). Prints the
 * median wall time of {@code reps} runs after {@code warm} warm-up runs, per stage and in total,
 * and the ratio 6.3 s / total. Run: {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) org.habitatj.bench.IthscoreSpeedBench [warm] [reps] [threads]}.
 */
public final class IthscoreSpeedBench {

  /** The ITHscore package's time on our machines (2 workers), seconds. */
  public static final double PACKAGE_SECONDS = 6.3;

  private IthscoreSpeedBench() {}

  public static void main(String[] args) throws Exception {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path dir = Path.of("..", "shared", "data", "pyradiomics");
    if (!Files.isDirectory(dir)) {
      System.out.println("../shared not present");
      return;
    }
    Volume img = NrrdReader.read(dir.resolve("brain1_image.nrrd")).volume();
    Mask mask = Masks.fromLabelImage(NrrdReader.read(dir.resolve("brain1_label.nrrd")).volume(),
        Masks.LabelChoice.label(1)).mask();
    int z = 16;
    int nx = img.geometry().size(0);
    int ny = img.geometry().size(1);
    long[] tf = new long[reps];
    long[] ts = new long[reps];
    long[] tk = new long[reps];
    long[] ti = new long[reps];
    long[] tt = new long[reps];
    long[] cpu = new long[reps];
    long[] cpuF = new long[reps];
    long[] cpuK = new long[reps];
    double score = Double.NaN;
    int pixels = 0;
    int nf = 0;
    for (int it = -warm; it < reps; it++) {
      long c0 = IthBench.cpu();
      long a = System.nanoTime();
      IthscoreWindowFeatures.Result f = IthscoreWindowFeatures.compute(img, mask, z, threads,
          Progress.NONE);
      long b = System.nanoTime();
      long c1 = IthBench.cpu();
      String[] names = f.features().stream().map(FeatureInfo::pyradiomicsName)
          .toArray(String[]::new);
      double[][] rows = FeatureStandardizer.transpose(FeatureStandardizer.ithscoreScaling(
          FeatureStandardizer.transpose(f.values()), names));
      long c = System.nanoTime();
      long c2 = IthBench.cpu();
      HabitatClustering.Result k = HabitatClustering.cluster(rows, HabitatClustering.Options.DEFAULT,
          Progress.NONE);
      long d = System.nanoTime();
      long c3 = IthBench.cpu();
      int[] map = new int[nx * ny];
      for (int p = 0; p < k.labels().length; p++) {
        map[f.x()[p] + nx * f.y()[p]] = k.labels()[p];
      }
      score = IthScore.score(map, nx, ny, 1);
      long e = System.nanoTime();
      pixels = rows.length;
      nf = names.length;
      if (it >= 0) {
        tf[it] = b - a;
        ts[it] = c - b;
        tk[it] = d - c;
        ti[it] = e - d;
        tt[it] = e - a;
        cpu[it] = IthBench.cpu() - c0;
        cpuF[it] = c1 - c0;
        cpuK[it] = c3 - c2;
      }
    }
    double total = median(tt);
    System.out.printf(Locale.ROOT, "brain1 z=%d: %d pixels x %d features, %d threads, median of %d "
        + "runs after %d warm-up%n", z, pixels, nf, threads, reps, warm);
    System.out.printf(Locale.ROOT, "  features %.1f ms | min-max %.2f ms | K-means(K=6, default restarts) "
        + "%.1f ms | ITH %.2f ms%n", median(tf), median(ts), median(tk), median(ti));
    System.out.printf(Locale.ROOT, "  total %.1f ms (min %.1f ms) -> %.0fx faster than the "
        + "package's %.1f s; ITH score %.4f", total, Arrays.stream(tt).min().getAsLong() / 1e6,
        PACKAGE_SECONDS * 1000 / total, PACKAGE_SECONDS, score);
    if (IthReference.available()) {
      double[] ref = new double[5];
      for (int s = 0; s < 5; s++) {
        ref[s] = IthReference.score("brain1", s);
      }
      System.out.printf(Locale.ROOT, " (package, seeds 0-4: %s)", Arrays.toString(ref));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "  process CPU time per run (all threads, incl. JIT/GC): median "
        + "%.1f ms (features %.1f ms, K-means %.1f ms); load average %s%n", median(cpu),
        median(cpuF), median(cpuK), IthBench.load());
  }

  static double median(long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }
}
