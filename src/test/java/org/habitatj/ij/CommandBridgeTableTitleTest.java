package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.habitatj.commands.CompareRocCommand;
import org.habitatj.commands.HabitatMapCommand;
import org.habitatj.commands.IthScoreCommand;
import org.habitatj.commands.TrainModelCommand;
import org.junit.jupiter.api.Test;

/** Output tables are shown under their @Parameter labels; "results" stays ImageJ's Results. */
class CommandBridgeTableTitleTest {
  @Test
  void outputTablesAreTitledWithTheirLabels() {
    assertEquals("LASSO path", CommandBridge.tableTitle(TrainModelCommand.class, "lassoPath", null));
    assertEquals("Decision curve",
        CommandBridge.tableTitle(TrainModelCommand.class, "decisionCurve", ""));
    assertEquals("Univariable",
        CommandBridge.tableTitle(TrainModelCommand.class, "univariable", null));
    assertEquals("ROC comparison",
        CommandBridge.tableTitle(CompareRocCommand.class, "comparison", null));
    assertEquals("K selection curve",
        CommandBridge.tableTitle(HabitatMapCommand.class, "kSelectionCurve", null));
    // results -> the Results table even when its label says otherwise ("Scores", "ROC")
    assertEquals("Results", CommandBridge.tableTitle(IthScoreCommand.class, "results", null));
    assertEquals("Results", CommandBridge.tableTitle(CompareRocCommand.class, "results", null));
    // a table's own title wins; an unknown output keeps its name
    assertEquals("Mine", CommandBridge.tableTitle(TrainModelCommand.class, "lassoPath", "Mine"));
    assertEquals("extra", CommandBridge.tableTitle(TrainModelCommand.class, "extra", null));
  }
}
