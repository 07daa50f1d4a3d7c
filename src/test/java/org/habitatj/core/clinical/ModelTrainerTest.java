package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.stats.Logistic;
import org.habitatj.core.stats.Roc;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
  /** Synthetic cohort with 2 informative predictors, 3 noise predictors and the composition. */
  static Cohort cohort() {
    int n = 150;
    SplittableRandom r = new SplittableRandom(5);
    String[] ids = new String[n];
    int[] y = new int[n];
    double[][] v = new double[5][n];
    String[] comp = new String[n];
    String[] names = {"cystic", "cystic-solid", "solid"};
    for (int i = 0; i < n; i++) {
      ids[i] = "P" + i;
      y[i] = i % 2;
      for (int j = 0; j < 5; j++) {
        v[j][i] = r.nextGaussian();
      }
      v[0][i] += 1.5 * y[i];
      v[1][i] -= 1.0 * y[i];
      double u = r.nextDouble();
      comp[i] = names[y[i] == 0 ? (u < 0.5 ? 0 : u < 0.8 ? 1 : 2) : (u < 0.2 ? 0 : u < 0.6 ? 1 : 2)];
    }
    Map<String, double[]> num = new LinkedHashMap<>();
    for (int j = 0; j < 5; j++) {
      num.put("f" + j, v[j]);
    }
    return new Cohort("mem", "malignant", ids, y, num, Map.of("composition", comp));
  }

  @Test
  void pipelineIsDeterministicAndConsistent() {
    Cohort c = cohort();
    ModelTrainer.Settings s = ModelTrainer.Settings.defaults(
        List.of("f0", "f1", "f2", "f3", "f4", "composition"), Set.of("composition"));
    ModelTrainer.Result a = ModelTrainer.train(c, s, Progress.NONE);
    ModelTrainer.Result b = ModelTrainer.train(c, s, Progress.NONE);
    assertEquals(a.model().toJson(), b.model().toJson());
    assertArrayEquals(a.split().train(), b.split().train());
    // the two informative predictors pass screening and LASSO
    assertTrue(a.selected().containsAll(List.of("f0", "f1")), a.selected().toString());
    assertTrue(a.screened().containsAll(a.selected()));
    // the model file reproduces the fitted logistic model on the training rows
    Cohort tr = c.subset(a.split().train());
    double[] p = new double[tr.size()];
    for (int i = 0; i < tr.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String t : a.selected()) {
        row.put(t, tr.value(t, i));
      }
      p[i] = a.model().apply(row).probability();
      assertEquals(a.train().p()[i], p[i], 1e-12);
    }
    // the summary AUC equals an independent ROC of these probabilities
    assertEquals(Roc.of(p, tr.outcome()).auc(), a.model().training().trainAuc().auc(), 1e-15);
    assertEquals("random stratified 70:30 split, seed 42", a.splitDescription());
    // 75 per class, round(0.7 * 75) = round(52.5) = 53 per class -> 106 train, 44 test
    assertEquals(106, a.model().training().n());
    assertEquals(44, a.model().training().nTest());
    // tables
    assertEquals(6, a.tables().size());
    assertEquals("Univariable", a.tables().get(0).title());
    assertEquals(6, a.table("Univariable").rows().size());
    assertEquals(100, a.table("LASSO").rows().size());
    assertEquals(a.fit().coefficients().length, a.table("Multivariable").rows().size());
    assertEquals(2, a.table("Performance").rows().size());
    assertEquals(150, a.table("Predictions").rows().size());
    assertEquals(99, a.table("Decision curve").rows().size());
    // a different seed gives a different split
    ModelTrainer.Result d = ModelTrainer.train(c, s.withSeed(7), Progress.NONE);
    assertTrue(!java.util.Arrays.equals(a.split().train(), d.split().train()));
  }

  @Test
  void withoutScreeningAndLassoEqualsPlainLogistic() {
    Cohort c = cohort();
    ModelTrainer.Settings s = ModelTrainer.Settings.defaults(List.of("f0", "composition"),
        Set.of("composition")).withScreening(false, 0.05, null).withLasso(false, null, 10);
    ModelTrainer.Result r = ModelTrainer.train(c, s, Progress.NONE);
    Cohort tr = c.subset(r.split().train());
    double[] f0 = tr.numeric("f0");
    String[] comp = tr.categorical("composition");
    double[][] x = new double[f0.length][3];
    for (int i = 0; i < f0.length; i++) {
      x[i][0] = f0[i];
      x[i][1] = comp[i].equals("cystic-solid") ? 1 : 0;
      x[i][2] = comp[i].equals("solid") ? 1 : 0;
    }
    Logistic.Fit f = Logistic.fit(x, tr.outcome(), null);
    assertArrayEquals(f.coefficients(), r.fit().coefficients(), 1e-12);
    NomogramModel.Term t = r.model().term("composition");
    assertEquals("cystic", t.reference());
    assertArrayEquals(new double[] {0, f.coefficients()[2], f.coefficients()[3]},
        t.levelCoefficients(), 1e-12);
  }

  @Test
  void univariableTableNamesTheCategoricalLevels() {
    Cohort c = cohort();
    ModelTrainer.Result r = ModelTrainer.train(c, ModelTrainer.Settings.defaults(
        List.of("f0", "composition"), Set.of("composition")).withLasso(false, null, 10),
        Progress.NONE);
    // independent count of the training rows per level and outcome
    Cohort tr = c.subset(r.split().train());
    String[] comp = tr.categorical("composition");
    int[] y = tr.outcome();
    String[] names = {"cystic", "cystic-solid", "solid"};
    StringBuilder[] exp = {new StringBuilder(), new StringBuilder()};
    for (int cls = 0; cls <= 1; cls++) {
      for (String n : names) {
        int k = 0;
        for (int i = 0; i < y.length; i++) {
          k += y[i] == cls && comp[i].equals(n) ? 1 : 0;
        }
        exp[cls].append(exp[cls].length() > 0 ? "; " : "").append(n).append(": ").append(k);
      }
    }
    assertEquals("composition", r.table("Univariable").get(1, "Predictor"));
    assertEquals(exp[0].toString(), r.table("Univariable").get(1, "Controls (y=0)"));
    assertEquals(exp[1].toString(), r.table("Univariable").get(1, "Cases (y=1)"));
    assertTrue(exp[0].toString().startsWith("cystic: "), exp[0].toString());
  }

  @Test
  void ordinalCompositionCoding() {
    ModelTrainer.Settings s = ModelTrainer.Settings.defaults(List.of("f0", "composition"),
            Set.of("composition")).withScreening(false, 0.05, null).withLasso(false, null, 10)
        .withCompositionCoding(new TumourComposition.Coding(TumourComposition.Scheme.ORDINAL,
            TumourComposition.CYSTIC));
    ModelTrainer.Result r = ModelTrainer.train(cohort(), s, Progress.NONE);
    assertEquals(3, r.fit().coefficients().length);
    double beta = r.fit().coefficients()[2];
    assertArrayEquals(new double[] {0, beta, 2 * beta},
        r.model().term("composition").levelCoefficients(), 1e-15);
    assertTrue(r.model().term("composition").coding().startsWith("ordinal"));
  }

  @Test
  void clearErrors() {
    Cohort c = cohort();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelTrainer.train(c, ModelTrainer.Settings.defaults(List.of("nope"), Set.of()),
            Progress.NONE));
    assertTrue(e.getMessage().contains("nope"));
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> ModelTrainer.train(c, ModelTrainer.Settings.defaults(List.of("f2", "f3"), Set.of())
            .withScreening(true, 1e-6, org.habitatj.core.stats.Univariable.ContinuousTest.MANN_WHITNEY),
            Progress.NONE));
    assertTrue(e2.getMessage().contains("screening"));
  }
}
