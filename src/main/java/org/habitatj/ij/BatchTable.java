package org.habitatj.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.habitatj.io.CsvTable;

/**
 * Helpers for batch macros, callable with the macro function {@code call(...)} (public static
 * methods taking and returning strings). They keep a cohort CSV exact (values copied as text from
 * the per-case CSVs, not through the Results table's display precision) and give failing cases an
 * error row (case C04). Every method returns "" on success or an error message.
 *
 * <pre>
 * call("org.habitatj.ij.BatchTable.appendCase", cohortCsv, caseCsv);
 * call("org.habitatj.ij.BatchTable.appendError", cohortCsv, caseId, message);
 * v = call("org.habitatj.ij.BatchTable.lookup", clinicalCsv, caseId, "roma");
 * </pre>
 */
public final class BatchTable {

  private BatchTable() {}

  /**
   * Appends the rows of {@code caseCsv} to {@code cohortCsv} (created when missing), with {@code
   * status = ok} and {@code error} empty; the header becomes the union of both.
   */
  public static String appendCase(String cohortCsv, String caseCsv) {
    try {
      List<LinkedHashMap<String, String>> add = CsvTable.read(Path.of(caseCsv));
      for (LinkedHashMap<String, String> r : add) {
        r.put("status", "ok");
        r.put("error", "");
      }
      append(cohortCsv, add);
      return "";
    } catch (IOException | RuntimeException e) {
      return "cannot append " + caseCsv + " to " + cohortCsv + ": " + e.getMessage();
    }
  }

  /** Appends an error row: {@code case_id}, {@code status = error}, {@code error = message}. */
  public static String appendError(String cohortCsv, String caseId, String message) {
    LinkedHashMap<String, String> r = new LinkedHashMap<>();
    r.put("case_id", caseId);
    r.put("status", "error");
    r.put("error", message == null ? "" : message.replace('\n', ' '));
    try {
      append(cohortCsv, List.of(r));
      return "";
    } catch (IOException | RuntimeException e) {
      return "cannot write " + cohortCsv + ": " + e.getMessage();
    }
  }

  /**
   * The value of {@code column} for the row whose first column (or {@code case_id} column) equals
   * {@code caseId} in a clinical CSV; "" when the file, row or column is absent.
   */
  public static String lookup(String csv, String caseId, String column) {
    if (csv == null || csv.isBlank() || !Files.isRegularFile(Path.of(csv))) {
      return "";
    }
    try {
      for (LinkedHashMap<String, String> r : CsvTable.read(Path.of(csv))) {
        String id = r.containsKey("case_id") ? r.get("case_id") : r.values().iterator().next();
        if (caseId.equals(id)) {
          String v = r.get(column);
          return v == null ? "" : v.trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  /** Number of data rows in a CSV (0 when missing). For macros: {@code parseInt(call(...))}. */
  public static String rows(String csv) {
    try {
      return Integer.toString(Files.exists(Path.of(csv)) ? CsvTable.read(Path.of(csv)).size() : 0);
    } catch (IOException e) {
      return "0";
    }
  }

  private static synchronized void append(String cohortCsv, List<LinkedHashMap<String, String>> add)
      throws IOException {
    Path p = Path.of(cohortCsv);
    List<LinkedHashMap<String, String>> rows = new ArrayList<>();
    if (Files.exists(p)) {
      rows.addAll(CsvTable.read(p));
    }
    for (LinkedHashMap<String, String> r : add) {
      // case_id, status, error first, then the rest in the case's order
      LinkedHashMap<String, String> o = new LinkedHashMap<>();
      o.put("case_id", r.getOrDefault("case_id", ""));
      o.put("status", r.get("status"));
      o.put("error", r.get("error"));
      o.putAll(r);
      rows.add(o);
    }
    CsvTable.write(p, rows);
  }
}
