package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCsvTest {

  @Test
  void formatsLikePythonRepr() {
    // Python: repr(2918821481.0) '2918821481.0', repr(1e-05) '1e-05', repr(0.0001) '0.0001',
    // repr(1.5e16) '1.5e+16', repr(0.27565085908587594) '0.27565085908587594', repr(-3.5) '-3.5'
    assertEquals("2918821481.0", FeatureCsv.format(2918821481.0));
    assertEquals("1e-05", FeatureCsv.format(1e-5));
    assertEquals("0.0001", FeatureCsv.format(1e-4));
    assertEquals("1.5e+16", FeatureCsv.format(1.5e16));
    assertEquals("1234567890123456.0", FeatureCsv.format(1234567890123456.0));
    assertEquals("0.27565085908587594", FeatureCsv.format(0.27565085908587594));
    assertEquals("-3.5", FeatureCsv.format(-3.5));
    assertEquals("-3.2034265038149176e-16", FeatureCsv.format(-3.2034265038149176e-16));
    assertEquals("nan", FeatureCsv.format(Double.NaN));
    assertEquals("0.0", FeatureCsv.format(0));
    assertEquals(0.1 + 0.2, Double.parseDouble(FeatureCsv.format(0.1 + 0.2)));
  }

  @Test
  void batchAndTwoColumnRoundTrip(@TempDir Path dir) throws Exception {
    LinkedHashMap<String, String> a = new LinkedHashMap<>();
    a.put("Image", "a.nrrd");
    a.put("diagnostics_Configuration_Settings", "{'binWidth': 25, 'label': 1}");
    a.put("original_firstorder_Mean", FeatureCsv.format(825.2354363065023));
    LinkedHashMap<String, String> b = new LinkedHashMap<>();
    b.put("Image", "b.nrrd");
    b.put("error", "ROI has 1 voxel (needs >= 2)");
    Path f = dir.resolve("batch.csv");
    FeatureCsv.writeRows(f, List.of(a, b));
    List<LinkedHashMap<String, String>> back = FeatureCsv.readRows(f);
    assertEquals(List.of("Image", "diagnostics_Configuration_Settings", "original_firstorder_Mean", "error"),
        List.copyOf(back.get(0).keySet()));
    assertEquals("{'binWidth': 25, 'label': 1}", back.get(0).get("diagnostics_Configuration_Settings"));
    assertEquals(825.2354363065023, Double.parseDouble(back.get(0).get("original_firstorder_Mean")));
    assertEquals("", back.get(1).get("original_firstorder_Mean"));
    assertEquals("ROI has 1 voxel (needs >= 2)", back.get(1).get("error"));
    Path t = dir.resolve("two.csv");
    FeatureCsv.writeTwoColumn(t, a);
    assertEquals(a, FeatureCsv.readTwoColumn(t));
  }

  @Test
  void readsTheSharedReferenceFiles() throws Exception {
    Path p = Path.of("..", "shared", "reference", "whole_roi", "brain1__default.csv");
    assumeTrue(Files.isRegularFile(p));
    Map<String, String> m = FeatureCsv.readTwoColumn(p);
    assertEquals("825.2354363065023", m.get("original_firstorder_Mean"));
    Path base = Path.of("..", "shared", "data", "pyradiomics", "baseline", "baseline_firstorder.csv");
    // the baseline is transposed (features in rows); read as rows it has one row per feature
    List<LinkedHashMap<String, String>> rows = FeatureCsv.readRows(base);
    assertEquals("diagnostics_Configuration_TestCase", rows.get(0).get("featureName"));
  }
}
