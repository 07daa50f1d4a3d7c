package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A small immutable report table (title, column names, rows of String or Number cells) that the
 * ImageJ bridge turns into a ResultsTable and {@link #toCsv()} writes as CSV.
 */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> r = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(title + ": row has " + row.size() + " cells, expected "
            + columns.size());
      }
      r.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = java.util.Collections.unmodifiableList(r);
  }

  /** Builder-style mutable collector. */
  public static final class Builder {
    private final String title;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Builder(String title, String... columns) {
      this.title = title;
      this.columns = List.of(columns);
    }

    public Builder add(Object... cells) {
      rows.add(java.util.Arrays.asList(cells));
      return this;
    }

    public Table build() {
      return new Table(title, columns, rows);
    }
  }

  /** Value of a cell. */
  public Object get(int row, String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(title + ": no column '" + column + "'");
    }
    return rows.get(row).get(c);
  }

  /**
   * CSV text (RFC 4180 quoting, '.' decimal separator, full double precision; numbers as in
   * {@link #formatNumber}).
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(Table::quote).toList())).append('\n');
    for (List<Object> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object o = r.get(i);
        sb.append(o == null ? "" : o instanceof Number ? num(o) : quote(o.toString()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Below this magnitude (non-zero) a CSV number is written in E-notation. */
  public static final double PLAIN_MIN = 1e-20;
  /** From this magnitude on a CSV number is written in E-notation. */
  public static final double PLAIN_MAX = 1e20;

  private static String num(Object o) {
    if (o instanceof Double || o instanceof Float) {
      return formatNumber(((Number) o).doubleValue());
    }
    return o.toString();
  }

  /**
   * A double for a CSV cell: plain decimal notation with the shortest digits that read back as
   * the same double ({@link Double#toString}'s digits, so full precision and no noise digits):
   * {@code 3.2471488641964486E-4} → {@code 0.00032471488641964486}, {@code -3.4E-16} →
   * {@code -0.00000000000000034}, {@code 1.0E7} → {@code 10000000.0}; integral values keep one
   * decimal ({@code 3.0}). Only magnitudes below {@link #PLAIN_MIN} (e.g. p = 2.2E-25, whose
   * plain form would need 25 leading zeros) or from {@link #PLAIN_MAX} on stay in Java's
   * E-notation. NaN and ±Infinity are written as {@code NaN}, {@code Infinity}, {@code -Infinity}.
   */
  public static String formatNumber(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < PLAIN_MIN || a >= PLAIN_MAX)) {
      return Double.toString(v);
    }
    String plain = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros()
        .toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
