package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares several scores measured on the same subjects (e.g. a nomogram probability and the
 * O-RADS MRI score): AUC with DeLong CI and Youden cut-off for each, and a paired DeLong test for
 * every pair ({@link Roc#pairedDeLong}); or compares each score between two groups of different
 * subjects with an unpaired DeLong test ({@link #byGroup}). Higher score = more likely a case, for
 * every score.
 */
public final class RocComparison {

  /** Result: one ROC per score plus the two report tables. */
  public record Result(List<String> names, List<Roc> rocs, Table aucs, Table pairwise) {}

  private RocComparison() {}

  public static Result of(List<String> names, List<double[]> scores, int[] y, double level) {
    if (names.size() != scores.size() || names.isEmpty()) {
      throw new IllegalArgumentException("need one name per score and at least one score");
    }
    List<Roc> rocs = new ArrayList<>();
    Table.Builder a = new Table.Builder("ROC", "Score", "AUC", "SE", "Lower", "Upper",
        "Youden cut-off", "Sensitivity", "Specificity", "Cases", "Controls");
    for (int i = 0; i < names.size(); i++) {
      Roc r = Roc.of(scores.get(i), y, level);
      rocs.add(r);
      Roc.Cutoff c = r.youden();
      a.add(names.get(i), r.auc(), r.standardError(), r.ciLower(), r.ciUpper(), c.cutoff(),
          c.sensitivity(), c.specificity(), r.cases(), r.controls());
    }
    Table.Builder p = new Table.Builder("ROC comparison", "Score 1", "Score 2", "AUC 1", "AUC 2",
        "Difference", "Diff lower", "Diff upper", "Z", "p (DeLong paired)");
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Roc.PairedTest t = Roc.pairedDeLong(scores.get(i), scores.get(j), y, level);
        p.add(names.get(i), names.get(j), t.auc1(), t.auc2(), t.auc1() - t.auc2(), t.diffLower(),
            t.diffUpper(), t.z(), t.p());
      }
    }
    return new Result(List.copyOf(names), List.copyOf(rocs), a.build(), p.build());
  }

  /**
   * Compares each score between two groups of different subjects (e.g. training and validation
   * cohorts, or pre- and postmenopausal patients): one ROC per score and group, and an unpaired
   * DeLong test per score ({@link Roc#unpairedDeLong}). Groups are ordered by their first
   * appearance in {@code groups}.
   *
   * @param names score names
   * @param scores one array per score, one value per subject
   * @param y outcome per subject (1 = case)
   * @param groups group value per subject; exactly two distinct values
   * @param level confidence level of the AUC intervals
   * @return ROCs named {@code "score [group]"}, the AUC table and the unpaired tests
   * @throws IllegalArgumentException when the groups are not exactly two, or a group lacks 2 cases
   *     or 2 controls (named)
   */
  public static Result byGroup(List<String> names, List<double[]> scores, int[] y,
      String[] groups, double level) {
    if (names.size() != scores.size() || names.isEmpty()) {
      throw new IllegalArgumentException("need one name per score and at least one score");
    }
    if (groups.length != y.length) {
      throw new IllegalArgumentException("group column has " + groups.length
          + " values for " + y.length + " subjects");
    }
    java.util.LinkedHashSet<String> levels = new java.util.LinkedHashSet<>(List.of(groups));
    if (levels.size() != 2) {
      throw new IllegalArgumentException("an unpaired comparison needs exactly 2 groups; the "
          + "group column has " + levels.size() + ": " + levels);
    }
    String[] g = levels.toArray(new String[0]);
    int[][] rows = new int[2][];
    for (int k = 0; k < 2; k++) {
      final String gk = g[k];
      rows[k] = java.util.stream.IntStream.range(0, groups.length)
          .filter(i -> groups[i].equals(gk)).toArray();
    }
    List<Roc> rocs = new ArrayList<>();
    List<String> rocNames = new ArrayList<>();
    Table.Builder a = new Table.Builder("ROC", "Score", "Group", "AUC", "SE", "Lower", "Upper",
        "Youden cut-off", "Sensitivity", "Specificity", "Cases", "Controls");
    Table.Builder p = new Table.Builder("ROC comparison", "Score", "Group 1", "Group 2", "AUC 1",
        "AUC 2", "Difference", "t", "df", "p (DeLong unpaired)");
    for (int i = 0; i < names.size(); i++) {
      Roc[] r = new Roc[2];
      for (int k = 0; k < 2; k++) {
        double[] sk = new double[rows[k].length];
        int[] yk = new int[rows[k].length];
        for (int q = 0; q < sk.length; q++) {
          sk[q] = scores.get(i)[rows[k][q]];
          yk[q] = y[rows[k][q]];
        }
        try {
          r[k] = Roc.of(sk, yk, level);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("group '" + g[k] + "': " + e.getMessage(), e);
        }
        if (r[k].cases() < 2 || r[k].controls() < 2) {
          throw new IllegalArgumentException("group '" + g[k] + "' has " + r[k].cases()
              + " cases and " + r[k].controls() + " controls; the unpaired DeLong test needs "
              + "at least 2 of each");
        }
        rocs.add(r[k]);
        rocNames.add(names.get(i) + " [" + g[k] + "]");
        Roc.Cutoff c = r[k].youden();
        a.add(names.get(i), g[k], r[k].auc(), r[k].standardError(), r[k].ciLower(),
            r[k].ciUpper(), c.cutoff(), c.sensitivity(), c.specificity(), r[k].cases(),
            r[k].controls());
      }
      Roc.UnpairedTest t = Roc.unpairedDeLong(r[0], r[1]);
      p.add(names.get(i), g[0], g[1], t.auc1(), t.auc2(), t.auc1() - t.auc2(), t.t(), t.df(),
          t.p());
    }
    return new Result(List.copyOf(rocNames), List.copyOf(rocs), a.build(), p.build());
  }
}
