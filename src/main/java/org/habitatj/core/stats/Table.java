package org.habitatj.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  /** CSV text (RFC 4180 quoting, '.' decimal separator, full double precision). */
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

  private static String num(Object o) {
    if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return o.toString();
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
