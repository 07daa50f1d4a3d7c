package org.habitatj.core.habitat;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Profiling aid (run manually, not a test): Lloyd iterations and time of each of the 10 seeded
 * restarts that {@link HabitatClustering} runs for given rows, to see where K-means time goes.
 */
public final class KMeansIterationProbe {

  private KMeansIterationProbe() {}

  /** Prints one line per restart: iterations, ms, WCSS; returns the total iterations. */
  public static int probe(String label, double[][] rows, HabitatClustering.Options o) {
    int n = rows.length;
    int p = rows[0].length;
    double[] flat = new double[n * p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, flat, i * p, p);
    }
    SplittableRandom seeds = new SplittableRandom(o.seed());
    int total = 0;
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < o.restarts(); r++) {
      long s = seeds.nextLong();
      long a = System.nanoTime();
      LloydKMeans.Fit f = LloydKMeans.run(flat, n, p, o.k(), s, o.maxIter(), o.tol());
      double ms = (System.nanoTime() - a) / 1e6;
      total += f.iterations();
      sb.append(String.format(Locale.ROOT, " %d it/%.0f ms/wcss %.2f;", f.iterations(), ms,
          HabitatClustering.wcss(rows, f.y(), o.k())));
    }
    System.out.printf(Locale.ROOT, "  K-means probe %s (%d x %d, K=%d, tol %s): %d iterations "
        + "in %d restarts:%s%n", label, n, p, o.k(), o.tol(), total, o.restarts(), sb);
    return total;
  }
}
