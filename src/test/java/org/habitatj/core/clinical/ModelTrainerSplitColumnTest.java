package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.habitatj.core.progress.Progress;
import org.habitatj.core.stats.Logistic;
import org.habitatj.core.stats.Roc;
import org.habitatj.io.CohortCsv;
import org.junit.jupiter.api.Test;

/** Train Model with a predefined split column (cohort = training / validation). */
public class ModelTrainerSplitColumnTest {
  /*
   * Hand-checkable cohort, 14 rows in file order (row index: id, malignant, x, cohort):
   *   training rows 1,2,4,5,7,9,11,12: cases x = 3, 5, 6, 2; controls x = 1, 4, 0.5, 2.5
   *   validation rows 0,3,6,8,10,13:   cases x = 4.5, 1.5, 3.5; controls x = 2, 0, 5.5
   * Training AUC of x (Mann-Whitney, pairs case > control): 2 wins for case 2 (> 0.5, 1),
   * 3 for case 3 (> 0.5, 1, 2.5), 4 for case 5, 4 for case 6 = 13/16 = 0.8125.
   * Validation AUC of x: case 4.5 > 2, 0 (2); case 1.5 > 0 (1); case 3.5 > 2, 0 (2) = 5/9.
   * With one predictor and beta > 0 the linear predictor orders patients like x, so the model's
   * AUCs are these. The noise column z is only there for "all columns"; in the training rows a
   * control (x 4, z 0.6) lies inside the cases' hull and a case (2, 0.3) inside the controls',
   * so x and z together do not separate the outcome and the 2-predictor fit exists.
   */
  public static final String CSV = """
      id,malignant,x,z,cohort
      v1,1,4.5,0.3,validation
      t1,1,3,0.9,training
      t2,0,1,0.7,training
      v2,0,2,0.2,validation
      t3,1,5,0.5,training
      t4,0,4,0.6,training
      v3,1,1.5,0.4,validation
      t5,1,6,0.8,training
      v4,0,0,0.6,validation
      t6,0,0.5,0.2,training
      v5,1,3.5,0.1,validation
      t7,1,2,0.3,training
      t8,0,2.5,0.1,training
      v6,0,5.5,0.5,validation
      """;

  static final int[] TRAIN_ROWS = {1, 2, 4, 5, 7, 9, 11, 12};
  static final int[] TEST_ROWS = {0, 3, 6, 8, 10, 13};

  static Cohort cohort(String csv) {
    return CohortCsv.parse(csv, "split.csv", "malignant", "id", Set.of());
  }

  static ModelTrainer.Settings plain(List<String> predictors) {
    return ModelTrainer.Settings.defaults(predictors, Set.of())
        .withScreening(false, 0.05, null).withLasso(false, null, 10);
  }

  @Test
  void explicitSplitTrainsOnExactlyTheTrainingRows() {
    Cohort c = cohort(CSV);
    ModelTrainer.Result r = ModelTrainer.train(c,
        plain(List.of("x")).withSplitColumn("cohort", "training"), Progress.NONE);
    assertArrayEquals(TRAIN_ROWS, r.split().train());
    assertArrayEquals(TEST_ROWS, r.split().test());
    // the fit equals a plain logistic regression on exactly the training rows
    Cohort tr = c.subset(TRAIN_ROWS);
    double[] xTr = tr.numeric("x");
    double[][] design = new double[xTr.length][];
    for (int i = 0; i < xTr.length; i++) {
      design[i] = new double[] {xTr[i]};
    }
    Logistic.Fit f = Logistic.fit(design, tr.outcome(), null);
    assertArrayEquals(f.coefficients(), r.fit().coefficients(), 1e-12);
    assertTrue(f.coefficients()[1] > 0);
    // AUCs: Roc.of on the fitted model's linear predictor of exactly those rows = hand values
    double[] lpTr = new double[xTr.length];
    for (int i = 0; i < xTr.length; i++) {
      lpTr[i] = r.fit().linearPredictor(new double[] {xTr[i]});
    }
    Cohort te = c.subset(TEST_ROWS);
    double[] xTe = te.numeric("x");
    double[] lpTe = new double[xTe.length];
    for (int i = 0; i < xTe.length; i++) {
      lpTe[i] = r.fit().linearPredictor(new double[] {xTe[i]});
    }
    double aucTr = Roc.of(lpTr, tr.outcome()).auc();
    double aucTe = Roc.of(lpTe, te.outcome()).auc();
    assertEquals(13.0 / 16, aucTr, 1e-15);
    assertEquals(5.0 / 9, aucTe, 1e-15);
    assertEquals(aucTr, r.train().roc().auc(), 1e-15);
    assertEquals(aucTe, r.test().roc().auc(), 1e-15);
    assertEquals(aucTr, r.model().training().trainAuc().auc(), 1e-15);
    assertEquals(aucTe, r.model().training().testAuc().auc(), 1e-15);
    // counts and the recorded split (model file and report)
    NomogramModel.TrainingSummary ts = r.model().training();
    assertEquals(8, ts.n());
    assertEquals(4, ts.events());
    assertEquals(6, ts.nTest());
    assertEquals(3, ts.eventsTest());
    assertEquals("cohort", ts.splitColumn());
    assertEquals("training", ts.trainingValue());
    assertEquals("split by column 'cohort': training = 'training' (8 patients, 4 events), "
        + "test = 'validation' (6 patients, 3 events)", r.splitDescription());
    assertTrue(ts.notes().startsWith(r.splitDescription()), ts.notes());
    NomogramModel back = NomogramModel.fromJson(r.model().toJson(), "m.json");
    assertEquals("cohort", back.training().splitColumn());
    assertEquals("training", back.training().trainingValue());
    assertEquals(r.model().toJson(), back.toJson());
    assertEquals("cohort = training", r.table("Performance").get(0, "Split"));
    assertEquals("cohort = validation", r.table("Performance").get(1, "Split"));
    assertEquals("training", r.explicitSplit().trainingValue());
    assertEquals("validation", r.explicitSplit().testValue());
    // the predictions table labels exactly those rows
    for (int i = 0; i < 14; i++) {
      String id = (String) r.table("Predictions").get(i, "Id");
      assertEquals(id.startsWith("t") ? "train" : "test", r.table("Predictions").get(i, "Set"));
    }
    // a split column does not depend on the seed or the training fraction
    ModelTrainer.Result r2 = ModelTrainer.train(c, plain(List.of("x")).withSeed(99)
        .withTrainFraction(0.5).withSplitColumn("cohort", "training"), Progress.NONE);
    assertArrayEquals(r.fit().coefficients(), r2.fit().coefficients(), 0);
  }

  @Test
  void emptyTrainingValueIsTheFirstRowsValue() {
    Cohort c = cohort(CSV);
    // row 0 is 'validation': those 6 rows train, the 8 'training' rows are the test set
    ModelTrainer.Result r = ModelTrainer.train(c,
        plain(List.of("x")).withSplitColumn("cohort", " "), Progress.NONE);
    assertArrayEquals(TEST_ROWS, r.split().train());
    assertArrayEquals(TRAIN_ROWS, r.split().test());
    assertEquals("validation", r.model().training().trainingValue());
    assertEquals(5.0 / 9, r.train().roc().auc(), 1e-15);
    assertEquals(13.0 / 16, r.test().roc().auc(), 1e-15);
  }

  @Test
  void randomSplitRecordsNoSplitColumn() {
    ModelTrainer.Result r = ModelTrainer.train(ModelTrainerTest.cohort(),
        plain(List.of("f0")), Progress.NONE);
    assertNull(r.explicitSplit());
    assertNull(r.model().training().splitColumn());
    assertTrue(r.splitDescription().equals("random stratified 70:30 split, seed 42"),
        r.splitDescription());
    assertTrue(!r.model().toJson().contains("splitColumn"));
    assertEquals(r.splitDescription(), r.table("Performance").get(0, "Split"));
  }

  @Test
  void splitColumnErrorsNameTheColumnAndTheValues() {
    Cohort three = cohort(CSV.replace("v6,0,5.5,0.5,validation", "v6,0,5.5,0.5,external"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelTrainer.train(three, plain(List.of("x")).withSplitColumn("cohort", "training"),
            Progress.NONE));
    assertEquals("split.csv: split column 'cohort' must have exactly two values (training and "
        + "test); found 3: [validation, training, external]", e.getMessage());

    Cohort one = cohort(CSV.replace("validation", "training"));
    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(one,
        plain(List.of("x")).withSplitColumn("cohort", ""), Progress.NONE));
    assertEquals("split.csv: split column 'cohort' must have exactly two values (training and "
        + "test); found 1: [training]", e.getMessage());

    Cohort c = cohort(CSV);
    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(c,
        plain(List.of("x")).withSplitColumn("cohort", "train"), Progress.NONE));
    assertEquals("split.csv: training value 'train' is not in split column 'cohort'; its values "
        + "are [validation, training]", e.getMessage());

    // validation rows all controls: the test set lacks cases
    Cohort noCases = cohort(CSV.replace("v1,1,", "v1,0,").replace("v3,1,", "v3,0,")
        .replace("v5,1,", "v5,0,"));
    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(noCases,
        plain(List.of("x")).withSplitColumn("cohort", "training"), Progress.NONE));
    assertEquals("split.csv: the test set (cohort = 'validation', 6 patients) has no cases "
        + "(malignant = 1); both sets need cases and controls", e.getMessage());
    // training rows all cases: the training set lacks controls
    Cohort noControls = cohort(CSV.replaceAll("(t\\d),0,", "$1,1,"));
    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(noControls,
        plain(List.of("x")).withSplitColumn("cohort", "training"), Progress.NONE));
    assertEquals("split.csv: the training set (cohort = 'training', 8 patients) has no controls "
        + "(malignant = 0); both sets need cases and controls", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(c,
        plain(List.of("nope")).withSplitColumn("group", "training"), Progress.NONE));
    assertTrue(e.getMessage().contains("'group'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> ModelTrainer.train(c,
        plain(List.of("x", "cohort")).withSplitColumn("cohort", "training"), Progress.NONE));
    assertEquals("split column 'cohort' cannot also be a predictor; remove it from the "
        + "predictors", e.getMessage());
  }
}
