package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

class CompareRocIccCommandTest extends SciJavaCommandTestBase {
  @TempDir Path tmp;

  static void allOutputsSet(CommandModule m) {
    for (ModuleItem<?> out : m.getInfo().outputs()) {
      assertNotNull(m.getOutput(out.getName()), out.getName());
    }
  }

  @Test
  void compareRoc() throws Exception {
    // the two hand-computed scores of RocTest.pairedDeLongHandComputed plus the Metrics example
    Path csv = tmp.resolve("scores.csv");
    Files.writeString(csv, "id,malignant,model,orads\n"
        + "a,1,0.9,0.8\nb,1,0.4,0.7\nc,0,0.5,0.3\nd,0,0.1,0.6\n");
    CommandModule m = cs.run(CompareRocCommand.class, true, "csvFile", csv.toFile(),
        "scoreColumns", "model, orads").get();
    allOutputsSet(m);
    ResultsTable auc = (ResultsTable) m.getOutput("results");
    assertEquals(0.75, auc.getValue("AUC", 0), 1e-15);
    assertEquals(1.0, auc.getValue("AUC", 1), 1e-15);
    ResultsTable cmp = (ResultsTable) m.getOutput("comparison");
    // hand computation in RocTest: z = -0.70710678, p = 0.47950012
    assertEquals(-0.70710678, cmp.getValue("Z", 0), 1e-8);
    assertEquals(0.47950012, cmp.getValue("p (DeLong paired)", 0), 1e-8);
    assertTrue(((ImagePlus) m.getOutput("rocPlot")).getWidth() > 100);
    assertEquals("ROC - model, orads - scores.csv", ((ImagePlus) m.getOutput("rocPlot")).getTitle());
    // saved as Table.save does: plain decimals (0.75 -> 0.7500), no E-notation
    Path saved = tmp.resolve("aucs.csv");
    auc.saveAs(saved.toString());
    String text = Files.readString(saved);
    assertTrue(text.contains("0.7500") && !text.contains("E-"), text);
  }

  @Test
  void compareRocBetweenTwoCohortsUnpaired() throws Exception {
    // RocTest.unpairedDeLongMatchesKernelFormAndStudentT's two curves as two cohorts of one CSV
    Path csv = tmp.resolve("cohorts.csv");
    StringBuilder sb = new StringBuilder("id,malignant,score,cohort\n");
    double[] sa = {0.9, 0.8, 0.8, 0.6, 0.55, 0.7, 0.5, 0.4, 0.8, 0.3, 0.2};
    int[] ya = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    double[] sb2 = {1, 3, 2, 5, 3, 1, 2, 0.5, 4};
    int[] yb = {0, 1, 0, 1, 0, 0, 1, 0, 1};
    for (int i = 0; i < sa.length; i++) {
      sb.append("a").append(i).append(',').append(ya[i]).append(',').append(sa[i])
          .append(",training\n");
    }
    for (int i = 0; i < sb2.length; i++) {
      sb.append("b").append(i).append(',').append(yb[i]).append(',').append(sb2[i])
          .append(",validation\n");
    }
    Files.writeString(csv, sb.toString());
    CommandModule m = cs.run(CompareRocCommand.class, true, "csvFile", csv.toFile(),
        "scoreColumns", "score", "groupColumn", "cohort").get();
    allOutputsSet(m);
    ResultsTable auc = (ResultsTable) m.getOutput("results");
    assertEquals(2, auc.size());
    assertEquals("training", auc.getStringValue("Group", 0));
    assertEquals(25.0 / 30, auc.getValue("AUC", 0), 1e-15);
    assertEquals(0.9, auc.getValue("AUC", 1), 1e-15);
    ResultsTable cmp = (ResultsTable) m.getOutput("comparison");
    assertEquals(-0.4060861387368542, cmp.getValue("t", 0), 1e-12);
    assertEquals(17.725721400876022, cmp.getValue("df", 0), 1e-10);
    assertEquals(0.6895396758327244, cmp.getValue("p (DeLong unpaired)", 0), 1e-10);
    assertEquals("ROC - score by cohort - cohorts.csv", ((ImagePlus) m.getOutput("rocPlot")).getTitle());
    // a third cohort is a clear error
    Files.writeString(csv, sb + "c0,1,0.3,test\n");
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> cs.run(CompareRocCommand.class, true, "csvFile", csv.toFile(),
            "scoreColumns", "score", "groupColumn", "cohort").get());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().contains("exactly 2 groups"), root.getMessage());
  }

  @Test
  void iccOnShroutFleiss() throws Exception {
    Path csv = tmp.resolve("ratings.csv");
    Files.writeString(csv, "target,j1,j2,j3,j4\n1,9,2,5,8\n2,6,1,3,2\n3,8,4,6,8\n4,7,1,2,6\n"
        + "5,10,5,6,9\n6,6,2,4,7\n");
    CommandModule m = cs.run(IccCommand.class, true, "csvFile", csv.toFile(),
        "raterColumns", "j1,j2,j3,j4").get();
    allOutputsSet(m);
    // Shrout & Fleiss 1979 / CLINICAL.md 4.9(a)
    assertEquals(0.289764, (Double) m.getOutput("icc21"), 1e-6);
    ResultsTable rt = (ResultsTable) m.getOutput("results");
    assertEquals(6, rt.size());
    assertEquals("ICC(3,1)", rt.getStringValue("Form", 2));
    assertEquals(0.714841, rt.getValue("ICC", 2), 1e-6);
    assertEquals(0.909316, rt.getValue("ICC", 5), 1e-6);
  }
}
