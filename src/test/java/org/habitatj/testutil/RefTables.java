package org.habitatj.testutil;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Readers for the PyRadiomics reference CSVs. */
public final class RefTables {

  private RefTables() {}

  /** Two-column feature,value file -> ordered map. */
  public static LinkedHashMap<String, String> twoColumn(Path p) throws IOException {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        m.put(rec.get(0), rec.get(1));
      }
    }
    return m;
  }

  /** Baseline file: featureName + one column per case -> column -> (feature -> value). */
  public static Map<String, LinkedHashMap<String, String>> columns(Path p) throws IOException {
    Map<String, LinkedHashMap<String, String>> out = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      List<CSVRecord> recs = new ArrayList<>();
      CSVFormat.DEFAULT.parse(r).forEach(recs::add);
      CSVRecord head = recs.get(0);
      for (int c = 1; c < head.size(); c++) {
        LinkedHashMap<String, String> col = new LinkedHashMap<>();
        for (int i = 1; i < recs.size(); i++) {
          CSVRecord rec = recs.get(i);
          if (c < rec.size()) {
            col.put(rec.get(0), rec.get(c));
          }
        }
        out.put(head.get(c), col);
      }
    }
    return out;
  }
}
