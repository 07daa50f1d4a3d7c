package org.habitatj.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Locates ../shared (skipping the test when absent) and parses its reference CSVs. */
public final class SharedData {

  private SharedData() {}

  /** {@code ../shared/data/<rel>}; skips the calling test if it does not exist. */
  public static Path data(String rel) {
    Path p = Path.of("..", "shared", "data").resolve(rel);
    assumeTrue(Files.exists(p), "../shared not available: " + p);
    return p;
  }

  /** {@code ../shared/reference/<rel>}; skips the calling test if it does not exist. */
  public static Path reference(String rel) {
    Path p = Path.of("..", "shared", "reference").resolve(rel);
    assumeTrue(Files.exists(p), "../shared not available: " + p);
    return p;
  }

  /** A two-column {@code feature,value} CSV (reference/whole_roi) as an ordered map. */
  public static Map<String, String> twoColumn(Path csv) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().get().parse(r)) {
        m.put(rec.get(0), rec.get(1));
      }
    }
    return m;
  }

  /** One column of a PyRadiomics baseline CSV (rows = features) as featureName → value. */
  public static Map<String, String> baselineColumn(Path csv, String column) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().get().parse(r)) {
        m.put(rec.get("featureName"), rec.get(column));
      }
    }
    return m;
  }

  /** Parses "(a, b, c)" into doubles. */
  public static double[] tuple(String s) {
    String[] t = s.replace("(", "").replace(")", "").split(",");
    double[] v = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      v[i] = Double.parseDouble(t[i].trim());
    }
    return v;
  }
}
