package org.habitatj.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Feature tables in PyRadiomics' CSV layouts, so that R/Python scripts written for PyRadiomics
 * read them unchanged.
 *
 * <ul>
 *   <li><b>Batch layout</b>: one row per case, one column per name (PyRadiomics' batch output:
 *       e.g. {@code Image, Mask, diagnostics_..., original_firstorder_Mean, ...}). The header is
 *       the union of the rows' keys in first-seen order; missing cells are empty.
 *   <li><b>Two-column layout</b>: {@code feature,value}, one row per name (the layout of
 *       PyRadiomics' single-case output and of our reference files).
 * </ul>
 *
 * <p>Numbers are written as Python's {@code repr} writes doubles ({@link #format(double)}), so
 * values round-trip exactly. Files are UTF-8 without BOM, RFC 4180 quoting, "\n" line ends.
 */
public final class FeatureCsv {

  private FeatureCsv() {}

  private static final CSVFormat OUT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  /**
   * Writes rows in the batch layout.
   *
   * @param file destination (created or replaced)
   * @param rows one map per case (column name → cell text)
   * @throws IOException if writing fails
   */
  public static void writeRows(Path file, List<? extends Map<String, String>> rows) throws IOException {
    LinkedHashSet<String> header = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      header.addAll(r.keySet());
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, OUT)) {
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

  /**
   * Reads a batch-layout file.
   *
   * @return one ordered map per data row (header name → cell text)
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a row has more cells than the header (names the line)
   */
  public static List<LinkedHashMap<String, String>> readRows(Path file) throws IOException {
    List<LinkedHashMap<String, String>> out = new ArrayList<>();
    try (Reader r = bomSkipping(file)) {
      List<CSVRecord> recs = CSVFormat.DEFAULT.parse(r).getRecords();
      if (recs.isEmpty()) {
        return out;
      }
      CSVRecord head = recs.get(0);
      for (int i = 1; i < recs.size(); i++) {
        CSVRecord rec = recs.get(i);
        if (rec.size() > head.size()) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + rec.size()
              + " cells but the header has " + head.size());
        }
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < head.size(); c++) {
          m.put(head.get(c), c < rec.size() ? rec.get(c) : "");
        }
        out.add(m);
      }
    }
    return out;
  }

  /** Writes the two-column {@code feature,value} layout. */
  public static void writeTwoColumn(Path file, Map<String, String> values) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, OUT)) {
      p.printRecord("feature", "value");
      for (Map.Entry<String, String> e : values.entrySet()) {
        p.printRecord(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Reads the two-column layout (header line skipped).
   *
   * @throws IllegalArgumentException if a line does not have 2 cells (names file and line)
   */
  public static LinkedHashMap<String, String> readTwoColumn(Path file) throws IOException {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    try (Reader r = bomSkipping(file)) {
      List<CSVRecord> recs = CSVFormat.DEFAULT.parse(r).getRecords();
      for (int i = 1; i < recs.size(); i++) {
        CSVRecord rec = recs.get(i);
        if (rec.size() != 2) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + rec.size()
              + " cells; expected 2 (feature,value)");
        }
        m.put(rec.get(0), rec.get(1));
      }
    }
    return m;
  }

  /** Feature map → cell texts with {@link #format(double)}. */
  public static LinkedHashMap<String, String> formatAll(Map<String, Double> features) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    features.forEach((k, v) -> m.put(k, format(v)));
    return m;
  }

  /**
   * A double as Python's {@code repr}: shortest round-trip digits, fixed notation with at least
   * one decimal for 1e−4 ≤ |v| &lt; 1e16 ({@code 2918821481.0}, {@code 0.0001}), otherwise
   * scientific ({@code 1e-05}, {@code 1.5e+16}); {@code nan}, {@code inf}, {@code -inf}.
   */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    String sign = v < 0 ? "-" : "";
    if (exp >= -5 && exp < 16) {
      String plain = bd.abs().toPlainString();
      if (!plain.contains(".")) {
        plain += ".0";
      }
      if (exp == -5) {
        // Python switches to scientific below 1e-4
        return sign + sci(digits, exp);
      }
      return sign + plain;
    }
    return sign + sci(digits, exp);
  }

  private static String sci(String digits, int exp) {
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format("%02d", Math.abs(exp));
    return mant + "e" + (exp < 0 ? "-" : "+") + e;
  }

  private static Reader bomSkipping(Path file) throws IOException {
    Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }
}
