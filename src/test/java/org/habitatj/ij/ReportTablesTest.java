package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.habitatj.core.stats.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTablesTest {

  @Test
  void decimalsPerColumn() {
    assertNull(ReportTables.decimals(List.of(1.0, 20.0, Double.NaN))); // counts: automatic
    assertEquals(4, ReportTables.decimals(List.of(0.9516667, 1.0, 0.5)));
    assertEquals(4, ReportTables.decimals(List.of(123.456, 0.0)));
    // smallest 0.00012: log10 = -3.92, two significant digits need 5 decimals
    assertEquals(5, ReportTables.decimals(List.of(0.47, 0.00012)));
    assertEquals(8, ReportTables.decimals(List.of(0.5, 1.5e-7)));
    // p = 1.367e-10 (a strong score's DeLong p): 11 decimals, still plain
    assertEquals(11, ReportTables.decimals(List.of(0.0455, 1.367e-10)));
    assertEquals(-3, ReportTables.decimals(List.of(0.5, 3e-14))); // scientific, 3 decimals
  }

  @Test
  void savedTableHasPlainDecimals(@TempDir Path tmp) throws Exception {
    Table t = new Table.Builder("Comparison", "Score 1", "AUC 1", "n", "p")
        .add("model", 0.95166667, 40, 0.4795001)
        .add("orads", 1.0, 40, 0.031).build();
    ResultsTable rt = ReportTables.toResultsTable(t);
    assertEquals(0.95166667, rt.getValue("AUC 1", 0), 0); // full precision kept in the table
    Path f = tmp.resolve("cmp.csv");
    rt.saveAs(f.toString());
    String csv = Files.readString(f);
    assertFalse(csv.contains("E-"), csv);
    assertTrue(csv.contains("model,0.9517,40,0.4795"), csv);
    assertTrue(csv.contains("orads,1.0000,40,0.0310"), csv);
  }
}
