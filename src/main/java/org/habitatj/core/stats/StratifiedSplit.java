package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded stratified random split into training and test sets (default 7:3). Within each outcome
 * class the rows are shuffled (Fisher–Yates with {@link SplittableRandom}(seed)) and the first
 * round(fraction·n_class) go to training, so both sets keep the outcome proportion. The same seed
 * and input always give the same split.
 */
public final class StratifiedSplit {

  /** Row indices (ascending) of the two sets. */
  public record Result(int[] train, int[] test, long seed, double trainFraction) {}

  private StratifiedSplit() {}

  public static Result split(int[] y, double trainFraction, long seed) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("train fraction must be in (0,1): " + trainFraction);
    }
    Linalg.checkLabels(y);
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean[] inTrain = new boolean[y.length];
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == cls) {
          idx.add(i);
        }
      }
      int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
      for (int i = a.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      long nt = Math.round(trainFraction * a.length);
      for (int i = 0; i < nt; i++) {
        inTrain[a[i]] = true;
      }
    }
    List<Integer> tr = new ArrayList<>();
    List<Integer> te = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      (inTrain[i] ? tr : te).add(i);
    }
    return new Result(tr.stream().mapToInt(Integer::intValue).toArray(),
        te.stream().mapToInt(Integer::intValue).toArray(), seed, trainFraction);
  }
}
