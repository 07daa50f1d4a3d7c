package org.habitatj.core.stats.bench;

import java.util.SplittableRandom;
import org.habitatj.core.clinical.BundledModelGenerator;
import org.habitatj.core.stats.LassoLogistic;
import org.habitatj.core.stats.Logistic;
import org.habitatj.core.stats.Roc;

/**
 * Manual benchmark (not a test): run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt)
 * org.habitatj.core.stats.bench.ClinicalStatsBench}. Prints median wall times.
 */
public final class ClinicalStatsBench {
  private ClinicalStatsBench() {}

  interface Task {
    void run();
  }

  static double median(Task t, int reps) {
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long s = System.nanoTime();
      t.run();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return ms[reps / 2];
  }

  public static void main(String[] args) {
    SplittableRandom r = new SplittableRandom(1);
    int n = 100_000;
    double[] s1 = new double[n];
    double[] s2 = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(2);
      s1[i] = r.nextGaussian() + y[i];
      s2[i] = r.nextGaussian() + 0.5 * y[i];
    }
    median(() -> Roc.of(s1, y), 3);
    System.out.printf("DeLong AUC+SE, N=100000: %.1f ms%n", median(() -> Roc.of(s1, y), 5));
    System.out.printf("Paired DeLong, N=100000: %.1f ms%n",
        median(() -> Roc.pairedDeLong(s1, s2, y, 0.95), 5));
    int m = 120;
    int p = 20;
    double[][] x = new double[m][p];
    int[] yy = new int[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < p; j++) {
        x[i][j] = r.nextGaussian();
      }
      yy[i] = r.nextDouble() < 1 / (1 + Math.exp(-(x[i][0] - x[i][1]))) ? 1 : 0;
    }
    LassoLogistic.Settings st = LassoLogistic.Settings.defaults();
    median(() -> LassoLogistic.crossValidate(x, yy, null, st, 10, 1), 2);
    System.out.printf("LASSO path (100 lambdas) N=120 p=20: %.1f ms%n",
        median(() -> LassoLogistic.fit(x, yy, null, st), 5));
    System.out.printf("LASSO 10-fold CV N=120 p=20: %.1f ms%n",
        median(() -> LassoLogistic.crossValidate(x, yy, null, st, 10, 1), 3));
    double[][] x5 = new double[m][5];
    for (int i = 0; i < m; i++) {
      System.arraycopy(x[i], 0, x5[i], 0, 5);
    }
    System.out.printf("Logistic IRLS N=120 p=5: %.3f ms%n",
        median(() -> Logistic.fit(x5, yy, null), 21));
    System.out.printf("Bundled model pipeline (ModelTrainer): %.1f ms%n",
        median(BundledModelGenerator::train, 5));
  }
}
