package org.habitatj.core.clinical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort table: one row per patient, a binary outcome (1 = event, e.g. malignant), numeric and
 * categorical columns. Missing numeric values are NaN and missing categorical values null; the
 * accessors {@link #numeric(String)} and {@link #categorical(String)} reject them with the rows
 * named, so missing data are never silently used.
 */
public final class Cohort {
  private final String source;
  private final String outcomeName;
  private final String[] ids;
  private final int[] outcome;
  private final Map<String, double[]> numeric;
  private final Map<String, String[]> categorical;

  /**
   * @param source file name or description, used in error messages
   * @param ids row identifiers (e.g. patient ids or "row 3")
   */
  public Cohort(String source, String outcomeName, String[] ids, int[] outcome,
      Map<String, double[]> numeric, Map<String, String[]> categorical) {
    this.source = source;
    this.outcomeName = outcomeName;
    this.ids = ids.clone();
    this.outcome = outcome.clone();
    this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
    this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    for (var e : numeric.entrySet()) {
      if (e.getValue().length != ids.length) {
        throw new IllegalArgumentException("column " + e.getKey() + " has wrong length");
      }
    }
  }

  public String source() {
    return source;
  }

  public String outcomeName() {
    return outcomeName;
  }

  public int size() {
    return ids.length;
  }

  public String[] ids() {
    return ids.clone();
  }

  public int[] outcome() {
    return outcome.clone();
  }

  /** Names of all predictor columns (numeric first, then categorical, each in file order). */
  public List<String> columns() {
    List<String> c = new ArrayList<>(numeric.keySet());
    c.addAll(categorical.keySet());
    return c;
  }

  public boolean isNumeric(String name) {
    return numeric.containsKey(name);
  }

  public boolean isCategorical(String name) {
    return categorical.containsKey(name);
  }

  /** A numeric column without missing values. */
  public double[] numeric(String name) {
    double[] v = numeric.get(name);
    if (v == null) {
      if (categorical.containsKey(name)) {
        throw new IllegalArgumentException(source + ": column '" + name + "' is not numeric");
      }
      throw new IllegalArgumentException(source + ": no column '" + name + "'; columns: " + columns());
    }
    List<String> miss = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        miss.add(ids[i]);
      }
    }
    if (!miss.isEmpty()) {
      throw new IllegalArgumentException(source + ": column '" + name + "' has missing values in "
          + miss.size() + " row(s): " + abbreviate(miss));
    }
    return v.clone();
  }

  /** A categorical column (text values) without missing values; numeric columns are converted. */
  public String[] categorical(String name) {
    String[] v = categorical.get(name);
    if (v == null) {
      double[] d = numeric(name);
      String[] s = new String[d.length];
      for (int i = 0; i < d.length; i++) {
        s[i] = d[i] == Math.rint(d[i]) ? Long.toString((long) d[i]) : Double.toString(d[i]);
      }
      return s;
    }
    List<String> miss = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (v[i] == null) {
        miss.add(ids[i]);
      }
    }
    if (!miss.isEmpty()) {
      throw new IllegalArgumentException(source + ": column '" + name + "' has missing values in "
          + miss.size() + " row(s): " + abbreviate(miss));
    }
    return v.clone();
  }

  /** Raw value of a column as text (null when missing), for applying a model row by row. */
  public Object value(String name, int row) {
    if (numeric.containsKey(name)) {
      double d = numeric.get(name)[row];
      return Double.isNaN(d) ? null : d;
    }
    if (categorical.containsKey(name)) {
      return categorical.get(name)[row];
    }
    throw new IllegalArgumentException(source + ": no column '" + name + "'; columns: " + columns());
  }

  /** Rows subset (in the given order). */
  public Cohort subset(int[] rows) {
    String[] id = new String[rows.length];
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      id[i] = ids[rows[i]];
      y[i] = outcome[rows[i]];
    }
    Map<String, double[]> n = new LinkedHashMap<>();
    for (var e : numeric.entrySet()) {
      double[] v = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = e.getValue()[rows[i]];
      }
      n.put(e.getKey(), v);
    }
    Map<String, String[]> c = new LinkedHashMap<>();
    for (var e : categorical.entrySet()) {
      String[] v = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = e.getValue()[rows[i]];
      }
      c.put(e.getKey(), v);
    }
    return new Cohort(source, outcomeName, id, y, n, c);
  }

  private static String abbreviate(List<String> s) {
    return s.size() <= 10 ? s.toString() : s.subList(0, 10) + " ...";
  }
}
