package org.habitatj.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RadiomicsSettings#toSettingsMap()}: what settings.json shows of the settings. */
class RadiomicsSettingsMapTest {

  @Test
  void settingsMapSpellsOutEnabledFeaturesAndLeavesOutUnusedKeys() {
    Map<String, List<String>> ef = new LinkedHashMap<>();
    ef.put("firstorder", List.of());
    ef.put("glcm", List.of("Contrast", "Idm"));
    RadiomicsSettings s = RadiomicsSettings.builder().binWidth(10).label(2).kernelRadius(3)
        .enabledFeatures(ef).build();
    Map<String, Object> m = s.toSettingsMap();
    assertFalse(m.containsKey("label"));
    assertFalse(m.containsKey("kernelRadius"));
    assertFalse(m.containsKey("maskedKernel"));
    assertEquals(10.0, m.get("binWidth"));
    assertEquals(List.of(1), m.get("distances"));
    assertEquals(null, m.get("resegmentRange"));
    assertEquals(true, m.containsKey("resegmentRange"));
    Map<?, ?> got = (Map<?, ?>) m.get("enabledFeatures");
    assertEquals(List.of("firstorder", "glcm"), List.copyOf(got.keySet()));
    assertEquals("all", got.get("firstorder"));
    assertEquals(List.of("Contrast", "Idm"), got.get("glcm"));
    Map<String, Object> r = RadiomicsSettings.builder().distances(1, 2)
        .resegmentRange(new double[] {-100, 400}).build().toSettingsMap();
    assertEquals(List.of(1, 2), r.get("distances"));
    assertEquals(List.of(-100.0, 400.0), r.get("resegmentRange"));
    // toMap keeps PyRadiomics' own notation (used in the diagnostics column)
    assertEquals(List.of(), ((Map<?, ?>) s.toMap().get("enabledFeatures")).get("firstorder"));
    assertEquals(3, s.toMap().get("kernelRadius"));
  }
}
