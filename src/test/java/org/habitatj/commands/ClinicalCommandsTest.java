package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.habitatj.core.clinical.BundledModelGenerator;
import org.habitatj.core.clinical.NomogramModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/** Runs every clinical command headless through SciJava and checks that every output is set. */
class ClinicalCommandsTest extends SciJavaCommandTestBase {
  @TempDir Path tmp;

  static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... inputs)
      throws Exception {
    CommandModule m = cs.run(c, true, inputs).get();
    for (ModuleItem<?> out : m.getInfo().outputs()) {
      assertNotNull(m.getOutput(out.getName()), c.getSimpleName() + " output " + out.getName());
    }
    return m;
  }

  @Test
  void roma() throws Exception {
    CommandModule m = run(RomaCommand.class, "he4", 50.0, "ca125", 35.0, "menopause",
        "premenopausal", "platform", RomaCommand.ABBOTT);
    // CLINICAL.md 4.9(f): 7.8217 %, high risk at the 7.4 % Abbott cut-off
    assertEquals(7.8217, (Double) m.getOutput("roma"), 1e-4);
    assertEquals("High risk", m.getOutput("riskClass"));
    assertEquals(7.4, (Double) m.getOutput("cutoff"), 0);
    assertTrue(((String) m.getOutput("platformName")).contains("UNVERIFIED"));
    CommandModule r = run(RomaCommand.class, "he4", 50.0, "ca125", 35.0, "menopause",
        "postmenopausal", "platform", RomaCommand.ROCHE);
    assertEquals(19.4821, (Double) r.getOutput("roma"), 1e-4);
    assertEquals("Low risk", r.getOutput("riskClass"));
    ResultsTable rt = (ResultsTable) r.getOutput("results");
    assertEquals(19.4821, rt.getValue("ROMA (%)", 0), 1e-4);
    ExecutionException e = assertThrows(ExecutionException.class, () -> cs.run(RomaCommand.class,
        true, "he4", 0.0, "ca125", 35.0).get());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().contains("HE4"), root.getMessage());
  }

  @Test
  void orads() throws Exception {
    CommandModule m = run(OradsMriCommand.class, "structure", "solid_predominant",
        "enhancingSolidTissue", true, "dceAvailable", true, "tic", "intermediate");
    assertEquals(4, m.getOutput("score"));
    assertEquals("Intermediate risk", m.getOutput("riskCategory"));
    assertEquals("~50%", m.getOutput("ppv"));
    CommandModule n = run(OradsMriCommand.class, "peritonealNodularity", true);
    assertEquals(5, n.getOutput("score"));
  }

  @Test
  void trainApplyDraw() throws Exception {
    Path csv = tmp.resolve("cohort.csv");
    Files.writeString(csv, BundledModelGenerator.cohortCsv());
    File model = tmp.resolve("model.json").toFile();
    CommandModule t = run(TrainModelCommand.class, "cohortCsv", csv.toFile(), "modelFile", model,
        "seed", (int) BundledModelGenerator.SEED, "screening", false, "lasso", false);
    assertTrue(model.isFile());
    NomogramModel trained = NomogramModel.read(model.toPath());
    // same cohort, predictors, split seed and no screening/LASSO as the bundled model
    NomogramModel bundled = NomogramModel.bundled();
    assertEquals(bundled.intercept(), trained.intercept(), 1e-9);
    assertEquals(bundled.term("ROMA").coefficient(), trained.term("ROMA").coefficient(), 1e-12);
    ResultsTable perf = (ResultsTable) t.getOutput("performance");
    assertEquals(bundled.training().trainAuc().auc(), perf.getValue("AUC", 0), 1e-12);
    assertEquals(bundled.training().testAuc().auc(), perf.getValue("AUC", 1), 1e-12);
    ImagePlus roc = (ImagePlus) t.getOutput("rocPlot");
    assertTrue(roc.getWidth() > 100);
    // never overwrite
    assertThrows(ExecutionException.class, () -> cs.run(TrainModelCommand.class, true,
        "cohortCsv", csv.toFile(), "modelFile", model).get());
    // full pipeline with screening and LASSO also runs and fills the LASSO table
    File model2 = tmp.resolve("model2.json").toFile();
    Path reports = tmp.resolve("reports");
    CommandModule t2 = run(TrainModelCommand.class, "cohortCsv", csv.toFile(), "modelFile", model2,
        "predictors", "", "categoricalColumns", "composition, menopause", "reportFolder",
        reports.toFile());
    assertEquals(100, ((ResultsTable) t2.getOutput("lassoPath")).size());
    String perfCsv = Files.readString(reports.resolve("model2_performance.csv"));
    assertTrue(perfCsv.startsWith("Set,n,Events,AUC,"), perfCsv);
    assertEquals(3, perfCsv.split("\n").length);
    assertTrue(Files.exists(reports.resolve("model2_lasso.csv")));
    // report CSVs: plain decimals, no E-notation (Table.formatNumber; none of these values is
    // below 1e-20)
    for (String name : List.of("univariable", "lasso", "multivariable", "performance",
        "decision_curve", "predictions")) {
      String text = Files.readString(reports.resolve("model2_" + name + ".csv"));
      assertFalse(java.util.regex.Pattern.compile("\\d[eE][-+]?\\d").matcher(text).find(),
          name + ": " + text);
    }
    // the plots are saved next to the tables as PNG, at the size of the plot images
    for (String png : List.of("roc", "calibration", "decision_curve", "nomogram")) {
      ImagePlus saved = ij.IJ.openImage(reports.resolve("model2_" + png + ".png").toString());
      assertNotNull(saved, png);
      ImagePlus shown = (ImagePlus) t2.getOutput(png.equals("decision_curve") ? "decisionPlot"
          : png.equals("nomogram") ? "nomogram" : png + "Plot");
      assertEquals(shown.getWidth(), saved.getWidth(), png);
      assertEquals(shown.getHeight(), saved.getHeight(), png);
    }
    // a second run into the same folder refuses before writing anything
    File model3 = tmp.resolve("model3.json").toFile();
    Files.writeString(reports.resolve("model3_nomogram.png"), "x");
    assertThrows(ExecutionException.class, () -> cs.run(TrainModelCommand.class, true,
        "cohortCsv", csv.toFile(), "modelFile", model3, "reportFolder", reports.toFile()).get());
    assertFalse(Files.exists(reports.resolve("model3_performance.csv")));
    // nor the model file, so the same command can be run again once the clash is resolved
    assertFalse(model3.exists(), "model file written although the reports were refused");

    // apply: one patient with the bundled model (no model file)
    CommandModule a = run(ApplyNomogramCommand.class, "values",
        "ROMA=30; composition=solid; combined_ITH=0.5");
    double p = bundled.apply(Map.of("ROMA", 30.0, "composition", "solid", "combined_ITH", 0.5))
        .probability();
    assertEquals(p, (Double) a.getOutput("probability"), 1e-15);
    assertTrue(((String) a.getOutput("provenance")).startsWith("ILLUSTRATIVE"));
    ResultsTable ar = (ResultsTable) a.getOutput("results");
    assertEquals(ar.getValue("Total points", 0), ar.getValue("ROMA points", 0)
        + ar.getValue("composition points", 0) + ar.getValue("combined_ITH points", 0), 1e-9);
    // apply to the CSV with the trained model file
    CommandModule b = run(ApplyNomogramCommand.class, "modelFile", model, "cohortCsv", csv.toFile());
    ResultsTable br = (ResultsTable) b.getOutput("results");
    assertEquals(120, br.size());
    assertEquals("S001", br.getStringValue("Id", 0));
    assertFalse(Double.isNaN(br.getValue("Probability", 119)));

    CommandModule d = run(DrawNomogramCommand.class, "modelFile", model, "width", 800);
    assertEquals(800, ((ImagePlus) d.getOutput("nomogram")).getWidth());
    CommandModule d2 = run(DrawNomogramCommand.class);
    assertEquals(1000, ((ImagePlus) d2.getOutput("nomogram")).getWidth());
  }
}
