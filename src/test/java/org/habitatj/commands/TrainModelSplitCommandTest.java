package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.habitatj.core.clinical.NomogramModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Train Model with a split column, through SciJava (the path a macro takes). */
class TrainModelSplitCommandTest extends SciJavaCommandTestBase {
  @TempDir Path tmp;

  @Test
  void allColumnsNeverIncludeTheSplitColumn() throws Exception {
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(csv, org.habitatj.core.clinical.ModelTrainerSplitColumnTest.CSV);
    File model = tmp.resolve("m.json").toFile();
    Path reports = tmp.resolve("reports");
    CommandModule m = cs.run(TrainModelCommand.class, true, "cohortCsv", csv.toFile(),
        "outcomeColumn", "malignant", "predictors", "", "categoricalColumns", "",
        "splitColumn", "cohort", "trainingValue", "training", "screening", false, "lasso", false,
        "modelFile", model, "reportFolder", reports.toFile()).get();
    ResultsTable uni = (ResultsTable) m.getOutput("univariable");
    List<String> preds = new ArrayList<>();
    for (int i = 0; i < uni.size(); i++) {
      preds.add(uni.getStringValue("Predictor", i));
    }
    assertEquals(List.of("x", "z"), preds); // "all columns" = x, z; not cohort
    ResultsTable perf = (ResultsTable) m.getOutput("performance");
    assertEquals(8, perf.getValue("n", 0), 0);
    assertEquals(6, perf.getValue("n", 1), 0);
    assertEquals("cohort = training", perf.getStringValue("Split", 0));
    assertEquals("cohort = validation", perf.getStringValue("Split", 1));
    NomogramModel nm = NomogramModel.read(model.toPath());
    assertEquals("cohort", nm.training().splitColumn());
    assertEquals("training", nm.training().trainingValue());
    assertEquals(List.of("x", "z"), nm.terms().stream().map(NomogramModel.Term::name).toList());
    String summary = (String) m.getOutput("summary");
    assertTrue(summary.startsWith("split by column 'cohort': training = 'training' (8 patients"),
        summary);
    String perfCsv = Files.readString(reports.resolve("m_performance.csv"));
    assertTrue(perfCsv.split("\n")[1].endsWith(",cohort = training"), perfCsv);

    // a training value the column does not have
    ExecutionException e = assertThrows(ExecutionException.class, () -> cs.run(
        TrainModelCommand.class, true, "cohortCsv", csv.toFile(), "predictors", "x",
        "categoricalColumns", "", "splitColumn", "cohort", "trainingValue", "train",
        "modelFile", tmp.resolve("m2.json").toFile()).get());
    Throwable c = e;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    assertEquals("cohort.csv: training value 'train' is not in split column 'cohort'; its "
        + "values are [validation, training]", c.getMessage());
  }

  /** The outcome as split column, and a cohort without the default composition column. */
  @Test
  void outcomeAsSplitColumnIsNamedAndAMissingDefaultCategoricalColumnIsIgnored() throws Exception {
    Path csv = tmp.resolve("nocomp.csv");
    StringBuilder sb = new StringBuilder("id,cohort,malignant,ROMA\n");
    double[] roma = {5, 40, 8, 60, 12, 35, 7, 80, 15, 45, 9, 70, 20, 30, 6, 55};
    for (int i = 0; i < roma.length; i++) {
      int y = roma[i] > 25 ? 1 : 0;
      if (i == 3 || i == 4) {
        y = 1 - y; // not separable
      }
      sb.append("p").append(i).append(',').append(i % 4 == 3 ? "validation" : "training")
          .append(',').append(y).append(',').append(roma[i]).append('\n');
    }
    Files.writeString(csv, sb.toString());
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> cs.run(TrainModelCommand.class, true, "cohortCsv", csv.toFile(), "outcomeColumn",
            "malignant", "predictors", "", "splitColumn", "malignant", "modelFile",
            tmp.resolve("m1.json").toFile()).get());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    org.junit.jupiter.api.Assertions.assertEquals("split column 'malignant' is the outcome "
        + "column; give a column that tells training from validation patients (e.g. cohort)",
        root.getMessage());
    // predictors=[] with the default categorical_columns=composition, which this CSV lacks
    cs.run(TrainModelCommand.class, true, "cohortCsv", csv.toFile(), "outcomeColumn",
        "malignant", "predictors", "", "splitColumn", "cohort", "trainingValue", "training",
        "modelFile", tmp.resolve("m2.json").toFile()).get();
    org.junit.jupiter.api.Assertions.assertTrue(Files.exists(tmp.resolve("m2.json")));
  }
}
