package org.habitatj.ij;

import ij.measure.ResultsTable;
import java.util.List;
import org.habitatj.core.stats.Table;

/** Converts core report {@link Table}s into ImageJ ResultsTables (numbers stay numeric). */
public final class ReportTables {
  /** Decimals of a column of ordinary values (AUC 0.9517, OR 2.3456). */
  static final int DECIMALS = 4;
  /** Most decimals before a column of small values (p-values, lambdas) turns scientific. */
  static final int MAX_DECIMALS = 12;

  private ReportTables() {}

  /**
   * A new ResultsTable with one row per table row; not shown. Numbers keep full double precision
   * in the table ({@code getResult}); what is shown and saved ({@code Table.save}, {@code
   * saveAs("Results")}) uses {@link #decimals} per column: plain decimals, scientific only for
   * columns with very small values.
   */
  public static ResultsTable toResultsTable(Table t) {
    ResultsTable rt = new ResultsTable();
    rt.setPrecision(DECIMALS);
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
    for (int c = 0; c < t.columns().size(); c++) {
      int col = rt.getColumnIndex(t.columns().get(c));
      List<Double> values = new java.util.ArrayList<>();
      for (List<Object> row : t.rows()) {
        if (row.get(c) instanceof Number n) {
          values.add(n.doubleValue());
        }
      }
      Integer d = decimals(values);
      if (col >= 0 && d != null) {
        rt.setDecimalPlaces(col, d);
      }
    }
    return rt;
  }

  /**
   * Display decimals of a numeric column: null (ImageJ's automatic format: integers without
   * decimals) when every finite value is an integer; otherwise {@link #DECIMALS}, or more so that
   * the smallest non-zero |value| shows two significant digits (p = 0.00012 → 5 decimals), up to
   * {@link #MAX_DECIMALS} (12: p = 1.4e-10 shows as 0.00000000014); beyond that (p = 3e-14) ImageJ's scientific notation with 3 decimals
   * (a negative count, as {@link ResultsTable#setDecimalPlaces} takes it).
   */
  static Integer decimals(List<Double> values) {
    boolean integers = true;
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        integers &= v == Math.rint(v) && Math.abs(v) < 1e15;
        if (v != 0) {
          min = Math.min(min, Math.abs(v));
        }
      }
    }
    if (integers) {
      return null;
    }
    int d = Math.max(DECIMALS, 1 - (int) Math.floor(Math.log10(min)));
    return d <= MAX_DECIMALS ? d : -3;
  }
}
