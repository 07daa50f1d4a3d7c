package org.habitatj.core.habitat;

import java.util.HashMap;
import java.util.Map;

/** Agreement between two partitions of the same items. */
public final class PartitionAgreement {

  private PartitionAgreement() {}

  /**
   * Adjusted Rand index (Hubert &amp; Arabie 1985): (RI − E[RI]) / (max RI − E[RI]) from the
   * contingency table; 1 for identical partitions up to renumbering, about 0 for independent ones.
   * Labels are arbitrary integers. When both partitions are trivial (one cluster each, or all
   * singletons) the index is defined as 1, as scikit-learn.
   *
   * @param a cluster of each item
   * @param b cluster of each item, same length
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double adjustedRand(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("partitions have " + a.length + " and " + b.length
          + " items");
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> ra = new HashMap<>();
    Map<Integer, Long> rb = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
      ra.merge(a[i], 1L, Long::sum);
      rb.merge(b[i], 1L, Long::sum);
    }
    double index = 0;
    for (long c : cells.values()) {
      index += c2(c);
    }
    double sa = 0;
    for (long c : ra.values()) {
      sa += c2(c);
    }
    double sb = 0;
    for (long c : rb.values()) {
      sb += c2(c);
    }
    double expected = sa * sb / c2(a.length);
    double max = (sa + sb) / 2;
    if (max == expected) {
      return 1.0;
    }
    return (index - expected) / (max - expected);
  }

  private static double c2(long n) {
    return n * (n - 1) / 2.0;
  }
}
