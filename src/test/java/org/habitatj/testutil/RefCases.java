package org.habitatj.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.habitatj.core.features.FeatureExtractor;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.core.settings.RadiomicsSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Shared helpers for tests against PyRadiomics outputs. */
public final class RefCases {

  private RefCases() {}

  private static final Map<Path, TestImages.Raw> CACHE = new ConcurrentHashMap<>();

  public static TestImages.Raw load(Path p) {
    return CACHE.computeIfAbsent(p, q -> {
      try {
        return TestImages.read(q);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
  }

  /**
   * Settings from a PyRadiomics settings dict as printed in diagnostics_Configuration_Settings
   * (Python literal; parsed as a YAML flow mapping).
   */
  @SuppressWarnings("unchecked")
  public static RadiomicsSettings.Builder fromPythonDict(String dict, List<String> warnings) {
    String y = dict.replace("None", "null").replace("True", "true").replace("False", "false");
    Map<String, Object> m = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(y);
    RadiomicsSettings.Builder b = RadiomicsSettings.builder();
    PyRadiomicsParams.applySettings(m, b, warnings);
    return b;
  }

  /** Relative difference |a − b| / max(|b|, 1e-300); 0 when equal (incl. both 0). */
  public static double relDiff(double ours, double ref) {
    if (ours == ref) {
      return 0;
    }
    if (Double.isNaN(ours) && Double.isNaN(ref)) {
      return 0;
    }
    return Math.abs(ours - ref) / Math.max(Math.abs(ref), 1e-300);
  }

  public static boolean sharedPresent() {
    return Files.isDirectory(TestImages.SHARED.resolve("data"));
  }

  public static FeatureExtractor extractor(RadiomicsSettings s) {
    return new FeatureExtractor(s);
  }

  public static List<String> list(String... a) {
    return new ArrayList<>(List.of(a));
  }
}
