package org.habitatj.ij;

import ij.measure.ResultsTable;
import java.util.List;
import org.habitatj.core.stats.Table;

/** Converts core report {@link Table}s into ImageJ ResultsTables (numbers stay numeric). */
public final class ReportTables {
  private ReportTables() {}

  /** A new ResultsTable with one row per table row; not shown. */
  public static ResultsTable toResultsTable(Table t) {
    ResultsTable rt = new ResultsTable();
    rt.setPrecision(-6); // 6 significant digits, scientific when needed
    for (List<Object> row : t.rows()) {
      rt.incrementCounter();
      for (int c = 0; c < t.columns().size(); c++) {
        Object v = row.get(c);
        String col = t.columns().get(c);
        if (v instanceof Number n) {
          rt.addValue(col, n.doubleValue());
        } else {
          rt.addValue(col, v == null ? "" : v.toString());
        }
      }
    }
    return rt;
  }
}
