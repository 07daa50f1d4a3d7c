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
  }
}
