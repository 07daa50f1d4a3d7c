package org.habitatj.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of named string cells written as one CSV (RFC 4180, comma, header line, "\n" line ends,
 * UTF-8): the header is the union of the rows' column names in first-seen order, and a row
 * without a column gets an empty cell. This is the layout of HabitatJ results files (one row per
 * case, PyRadiomics-style column names).
 */
public final class CsvTable {

  private CsvTable() {}

  /** Writes rows to {@code file} (replacing it), creating parent folders. */
  public static void write(Path file, List<? extends Map<String, String>> rows) throws IOException {
    LinkedHashSet<String> header = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      header.addAll(r.keySet());
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    CSVFormat fmt = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, fmt)) {
      p.printRecord(header);
      for (Map<String, String> r : rows) {
        List<String> cells = new ArrayList<>(header.size());
        for (String h : header) {
          String v = r.get(h);
          cells.add(v == null ? "" : v);
        }
        p.printRecord(cells);
      }
    }
  }

  /** Reads a CSV with a header line into rows (column name to cell, in header order). */
  public static List<LinkedHashMap<String, String>> read(Path file) throws IOException {
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<LinkedHashMap<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, fmt)) {
      List<String> names = parser.getHeaderNames();
      for (CSVRecord rec : parser) {
        LinkedHashMap<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          row.put(names.get(i), i < rec.size() ? rec.get(i) : "");
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
