package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.junit.jupiter.api.Test;

/** The clinical commands through the ImageJ 1.x bridge's macro-option path (headless). */
class ClinicalMacroOptionsTest {
  @Test
  void romaFromMacroOptions() throws Exception {
    Map<String, Object> out = CommandBridge.runWithOptions(RomaCommand.class,
        "he4=300 ca125=500 menopause=premenopausal platform=[" + RomaCommand.ROCHE + "]");
    // CLINICAL.md 4.9(f): 300/500 premenopausal = 87.6969 %
    assertEquals(87.6969, (Double) out.get("roma"), 1e-4);
    assertEquals("High risk", out.get("riskClass"));
  }

  @Test
  void oradsAndApplyFromMacroOptions() throws Exception {
    Map<String, Object> o = CommandBridge.runWithOptions(OradsMriCommand.class,
        "lipid=true large_volume_solid_tissue=true");
    assertEquals(4, o.get("score"));
    Map<String, Object> a = CommandBridge.runWithOptions(ApplyNomogramCommand.class,
        "values=[ROMA=12.5; composition=cystic; combined_ITH=0.3]");
    ResultsTable rt = (ResultsTable) a.get("results");
    assertEquals(12.5, rt.getValue("ROMA", 0), 0);
    assertEquals("low", a.get("riskClass"));
    assertTrue((Double) a.get("probability") < 0.5);
    // a value the model does not use is said in the Log (headless: standard output)
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      CommandBridge.runWithOptions(ApplyNomogramCommand.class,
          "values=[ROMA=12.5; composition=cystic; combined_ITH=0.3; age=61]");
    } finally {
      System.setOut(old);
    }
    String log = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(log.contains("Apply Nomogram: age not used: the model's terms are [ROMA,"
        + " composition, combined_ITH]"), log);
  }

  /** The README's unpaired Compare ROC Curves macro line, keys as written there. */
  @Test
  void compareRocGroupColumnFromMacroOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path csv = tmp.resolve("cohort.csv");
    // training: AUC 3/4 (cases 0.9, 0.4 vs controls 0.5, 0.1); validation: AUC 1
    java.nio.file.Files.writeString(csv, "id,malignant,nomogram,cohort\n"
        + "a,1,0.9,training\nb,1,0.4,training\nc,0,0.5,training\nd,0,0.1,training\n"
        + "e,1,0.8,validation\nf,1,0.7,validation\ng,0,0.3,validation\nh,0,0.2,validation\n");
    Map<String, Object> out = CommandBridge.runWithOptions(CompareRocCommand.class,
        "csv_file=[" + csv + "] outcome_column=malignant score_columns=nomogram "
            + "group_column=cohort");
    ResultsTable auc = (ResultsTable) out.get("results");
    assertEquals(0.75, auc.getValue("AUC", 0), 1e-15);
    assertEquals(1.0, auc.getValue("AUC", 1), 1e-15);
    assertEquals("validation", auc.getStringValue("Group", 1));
    ResultsTable cmp = (ResultsTable) out.get("comparison");
    assertEquals(-0.25, cmp.getValue("Difference", 0), 1e-15);
  }
}
