package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares several scores measured on the same subjects (e.g. a nomogram probability and the
 * O-RADS MRI score): AUC with DeLong CI and Youden cut-off for each, and a paired DeLong test for
 * every pair ({@link Roc#pairedDeLong}). Higher score = more likely a case, for every score.
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
}
