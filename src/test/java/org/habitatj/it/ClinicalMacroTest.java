package org.habitatj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clinical commands from a real ImageJ 1.x macro under Xvfb (menu entries from plugins.config). */
class ClinicalMacroTest {
  @TempDir Path tmp;

  @Test
  void clinicalCommandsRunFromAMacro() throws Exception {
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    String macro = String.join("\n",
        "setBatchMode(true);",
        "run('ROMA Index', 'he4=50 ca125=35 menopause=postmenopausal platform=[Roche Elecsys (11.4/29.9%)]');",
        "print('roma=' + d2s(getResult('ROMA (%)', 0), 4) + ' risk=' + getResultString('Risk', 0));",
        "run('O-RADS MRI Score', 'peritoneal_nodularity=true');",
        "print('orads=' + getResult('O-RADS MRI', 0));",
        "run('Apply Nomogram', 'values=[ROMA=30; composition=solid; combined_ITH=0.5]');",
        "print('class=' + getResultString('Risk class', 0));",
        "run('Draw Nomogram', 'width=800');",
        "print('image=' + getWidth());");
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 120);
    String all = run.all();
    assertEquals(0, run.exitCode(), all);
    // CLINICAL.md 4.9(f): 50/35 postmenopausal = 19.4821 %, below Roche's 29.9 %
    assertTrue(all.contains("roma=19.4821 risk=Low risk"), all);
    assertTrue(all.contains("orads=5"), all);
    assertTrue(all.contains("class=high") || all.contains("class=low"), all);
    assertTrue(all.contains("image=800"), all);
  }

  /**
   * A lab's macro: Train Model with a report folder writes the plots as PNG (no HeadlessException
   * in batch mode, case C20), and Compare ROC Curves' comparison table saved with Table.save
   * has plain decimals (no 9.516667E-1).
   */
  @Test
  void reportPlotsAndSavedTablesFromAMacro() throws Exception {
    ImageJ1.assumeXvfb();
    Path ij = ImageJ1.install(tmp.resolve("ij"), false, List.of());
    Path csv = tmp.resolve("cohort.csv");
    java.nio.file.Files.copy(Path.of("src", "main", "resources", "org", "habitatj", "nomogram",
        "synthetic-cohort.csv"), csv);
    Path reports = tmp.resolve("reports");
    Path saved = tmp.resolve("comparison.csv");
    String macro = String.join("\n",
        "setBatchMode(true);",
        "run('Train Model', 'cohort_csv=[" + csv + "] outcome_column=malignant id_column=id "
            + "predictors=[ROMA, composition, combined_ITH] categorical_columns=composition "
            + "model_file=[" + tmp.resolve("m.json") + "] report_folder=[" + reports + "]');",
        "run('Compare ROC Curves', 'csv_file=[" + csv + "] outcome_column=malignant "
            + "score_columns=[ROMA, combined_ITH] id_column=id');",
        "Table.save('" + saved + "', 'ROC comparison');",
        "print('done');");
    ImageJ1.Run run = ImageJ1.runMacro(ij, macro, 150);
    String all = run.all();
    assertEquals(0, run.exitCode(), all);
    assertTrue(all.contains("done"), all);
    assertTrue(!all.contains("HeadlessException"), all);
    for (String png : List.of("roc", "calibration", "decision_curve", "nomogram")) {
      Path f = reports.resolve("m_" + png + ".png");
      assertTrue(java.nio.file.Files.size(f) > 1000, f.toString());
    }
    String table = java.nio.file.Files.readString(saved);
    assertTrue(table.startsWith("Score 1,") || table.contains(",Score 1,"), table);
    assertTrue(!table.contains("E-") && table.matches("(?s).*\\d\\.\\d{4}.*"), table);
  }
}
