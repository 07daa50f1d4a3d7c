package org.habitatj.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.habitatj.core.clinical.Cohort;

/**
 * Reads a cohort CSV (one row per patient, header row required, comma separated, '.' decimals) with
 * Apache Commons CSV.
 *
 * <p>The outcome column accepts 0/1, false/true, no/yes, benign/malignant (case-insensitive). An
 * optional id column names the rows in messages; otherwise rows are named "row N" (N = 1-based data
 * row, i.e. file line N+1). A column whose non-missing values all parse as numbers is numeric,
 * otherwise categorical; columns listed as categorical are always categorical. Missing values are
 * empty cells, "NA" or "NaN". Errors name the file, the row and the column.
 */
public final class CohortCsv {
  private CohortCsv() {}

  /** Reads a file. */
  public static Cohort read(Path file, String outcome, String idColumn, Set<String> categorical)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("cohort CSV not found: " + file);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.getFileName().toString(), outcome, idColumn, categorical);
    }
  }

  /** Reads CSV text (tests, macros). */
  public static Cohort parse(String csv, String source, String outcome, String idColumn,
      Set<String> categorical) {
    try {
      return read(new StringReader(csv), source, outcome, idColumn, categorical);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Cohort read(Reader in, String src, String outcome, String idColumn,
      Set<String> categorical) throws IOException {
    Set<String> cat = categorical == null ? Set.of() : categorical;
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
    List<CSVRecord> recs;
    List<String> header;
    try (CSVParser p = CSVParser.parse(in, fmt)) {
      header = new ArrayList<>(p.getHeaderNames());
      try {
        recs = p.getRecords();
      } catch (Exception e) {
        throw new IllegalArgumentException(src + ": malformed CSV: " + e.getMessage(), e);
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(src)) {
        throw e;
      }
      throw new IllegalArgumentException(src + ": bad header: " + e.getMessage(), e);
    }
    if (header.isEmpty()) {
      throw new IllegalArgumentException(src + ": empty file (no header row)");
    }
    Set<String> seen = new HashSet<>();
    for (String h : header) {
      if (h == null || h.isBlank()) {
        throw new IllegalArgumentException(src + ": the header has an empty column name");
      }
      if (!seen.add(h)) {
        throw new IllegalArgumentException(src + ": duplicate column name '" + h + "'");
      }
    }
    if (!header.contains(outcome)) {
      throw new IllegalArgumentException(src + ": outcome column '" + outcome
          + "' not found; columns: " + header);
    }
    if (idColumn != null && !idColumn.isBlank() && !header.contains(idColumn)) {
      throw new IllegalArgumentException(src + ": id column '" + idColumn + "' not found; columns: " + header);
    }
    for (String c : cat) {
      if (!header.contains(c)) {
        throw new IllegalArgumentException(src + ": categorical column '" + c + "' not found; columns: " + header);
      }
    }
    int n = recs.size();
    if (n == 0) {
      throw new IllegalArgumentException(src + ": no data rows");
    }
    String[] ids = new String[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      CSVRecord r = recs.get(i);
      if (r.size() != header.size()) {
        throw new IllegalArgumentException(src + ": data row " + (i + 1) + " has " + r.size()
            + " cells but the header has "
            + header.size());
      }
      ids[i] = idColumn != null && !idColumn.isBlank() ? r.get(idColumn) : "row " + (i + 1);
      y[i] = parseOutcome(r.get(outcome), src, ids[i], outcome);
    }
    Map<String, double[]> num = new LinkedHashMap<>();
    Map<String, String[]> cats = new LinkedHashMap<>();
    for (String h : header) {
      if (h.equals(outcome) || h.equals(idColumn)) {
        continue;
      }
      String[] raw = new String[n];
      boolean numeric = !cat.contains(h);
      for (int i = 0; i < n; i++) {
        String v = recs.get(i).get(h);
        raw[i] = missing(v) ? null : v;
        if (numeric && raw[i] != null && parse(raw[i]) == null) {
          numeric = false;
        }
      }
      if (numeric) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = raw[i] == null ? Double.NaN : parse(raw[i]);
          if (Double.isInfinite(d[i])) {
            throw new IllegalArgumentException(src + ": " + ids[i] + ", column '" + h + "': infinite value");
          }
        }
        num.put(h, d);
      } else {
        cats.put(h, raw);
      }
    }
    return new Cohort(src, outcome, ids, y, num, cats);
  }

  private static boolean missing(String v) {
    return v == null || v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN");
  }

  private static Double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int parseOutcome(String v, String src, String id, String col) {
    String t = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "1", "1.0", "true", "yes", "malignant" -> {
        return 1;
      }
      case "0", "0.0", "false", "no", "benign" -> {
        return 0;
      }
      default -> throw new IllegalArgumentException(src + ": " + id + ", outcome column '" + col
          + "': value '" + v + "' is not 0/1 (or benign/malignant, no/yes)");
    }
  }
}
