package org.habitatj.ij;

import ij.measure.ResultsTable;
import java.util.List;
import java.util.Map;

/** Result rows (column name to cell text) as an ImageJ ResultsTable. */
public final class Tables {

  private Tables() {}

  /**
   * One table row per map; cells that parse as numbers (including NaN) become numeric columns,
   * the others text. Numbers keep full precision (the table shows 9 decimals; {@code
   * saveAs("Results")} writes what is shown, so use the CSV files for exact values).
   */
  public static ResultsTable of(List<? extends Map<String, String>> rows) {
    ResultsTable rt = new ResultsTable();
    rt.setPrecision(9);
    for (Map<String, String> row : rows) {
      rt.incrementCounter();
      for (Map.Entry<String, String> e : row.entrySet()) {
        String v = e.getValue() == null ? "" : e.getValue();
        Double d = number(v);
        if (d != null) {
          rt.addValue(e.getKey(), d);
        } else {
          rt.addValue(e.getKey(), v);
        }
      }
    }
    return rt;
  }

  private static Double number(String v) {
    if (v.isEmpty() || !(Character.isDigit(v.charAt(v.length() - 1)) || v.equals("NaN")
        || v.endsWith("Infinity"))) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
