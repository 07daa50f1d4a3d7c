package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.testutil.RefCases;
import org.habitatj.testutil.RefTables;
import org.habitatj.testutil.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PyRadiomics baselines with resampledPixelSpacing [2, 2, 2] and sitkBSpline (columns
 * brain1_resampling, breast1_resampling; SimpleITK 0.9.1 / PyRadiomics 2.0.1): all seven families
 * (shape on the resampled mask, int16 image values truncated like ITK's cast) within a relative
 * 1e-6; the worst difference per family is printed (measured ≤ 3e-12).
 */
class ResamplingBaselineTest {

  static final Path BASE = TestImages.SHARED.resolve("data/pyradiomics/baseline");

  static Stream<String> cases() {
    return Stream.of("brain1", "breast1");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void resampledFeaturesAgree(String kase) throws Exception {
    assumeTrue(Files.isDirectory(BASE), "../shared absent");
    Path data = TestImages.SHARED.resolve("data/pyradiomics");
    Volume img = MedicalImageReader.read(data.resolve(kase + "_image.nrrd")).volume();
    Volume lab = MedicalImageReader.read(data.resolve(kase + "_label.nrrd")).volume();
    Mask mask = Masks.fromLabelImage(lab, Masks.LabelChoice.label(1)).mask();
    List<String> report = new ArrayList<>();
    double worstAll = 0;
    int n = 0;
    for (String fam : List.of("shape", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm")) {
      LinkedHashMap<String, String> ref =
          RefTables.columns(BASE.resolve("baseline_" + fam + ".csv")).get(kase + "_resampling");
      List<String> w = new ArrayList<>();
      RadiomicsSettings.Builder b = RefCases.fromPythonDict(ref.get("diagnostics_Configuration_Settings"), w);
      Map<String, List<String>> fc = new LinkedHashMap<>();
      fc.put(fam, List.of());
      var r = new FeatureExtractor(b.enabledFeatures(fc).build()).extract(img, mask);
      double worst = 0;
      String worstName = "";
      for (var e : ref.entrySet()) {
        if (!e.getKey().startsWith("original_") || e.getValue().isEmpty()) {
          continue;
        }
        Double ours = r.features().get(e.getKey());
        assertTrue(ours != null, "missing " + e.getKey());
        double d = RefCases.relDiff(ours, Double.parseDouble(e.getValue()));
        if (d > worst) {
          worst = d;
          worstName = e.getKey();
        }
        n++;
      }
      worstAll = Math.max(worstAll, worst);
      report.add(String.format("%s worst %.3g (%s)", fam, worst, worstName));
    }
    System.out.println("resampling " + kase + ": " + report);
    assertTrue(n > 90);
    assertTrue(worstAll <= 1e-6, "worst relative difference " + worstAll + ": " + report);
  }
}
