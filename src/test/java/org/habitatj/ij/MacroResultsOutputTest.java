package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.nio.file.Path;
import java.util.Map;
import org.habitatj.commands.HabitatDemoCommand;
import org.habitatj.commands.IthScoreCommand;
import org.junit.jupiter.api.Test;

/**
 * The ITH Score and Habitat Demo commands' score tables reach ImageJ's Results table, so a macro
 * reads {@code getResult("ith_score", 0)} after them: the value the macro reads is the one in the
 * command's output table.
 */
class MacroResultsOutputTest {

  private static double macroGetResult(String column) {
    String r = ij.IJ.runMacro("return d2s(getResult(\"" + column + "\", 0), 9);");
    return Double.parseDouble(r);
  }

  @Test
  void ithScoreCommandScoresAreTheResultsTable() {
    Path c = Path.of("test-images", "STS_008");
    Map<String, Object> o = CommandBridge.runWithOptions(IthScoreCommand.class, "image_file=["
        + c.resolve("MR_T1_image.nii.gz") + "] mask_file=[" + c.resolve("MR_T1_mask.nii.gz")
        + "] combined=false");
    ResultsTable rt = (ResultsTable) o.get("results");
    double ith = rt.getValue("ith_score", 0);
    assertTrue(ith > 0 && ith < 1, "ITH " + ith);
    ResultsTable.getResultsTable().reset();
    CommandBridge.show(IthScoreCommand.class, o);
    assertEquals(ith, macroGetResult("ith_score"), 1e-9);
  }

  @Test
  void habitatDemoScoresAreTheResultsTable() {
    Map<String, Object> o = CommandBridge.runWithOptions(HabitatDemoCommand.class,
        "seed=0 k_min=3 k_max=3");
    double ith = ((ResultsTable) o.get("results")).getValue("ith_score", 0);
    ResultsTable.getResultsTable().reset();
    CommandBridge.show(HabitatDemoCommand.class, Map.of("results", o.get("results")));
    assertEquals(ith, macroGetResult("ith_score"), 1e-9);
  }
}
