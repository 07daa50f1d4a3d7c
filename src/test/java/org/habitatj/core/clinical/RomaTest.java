package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.clinical.Roma.Menopause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RomaTest {
  /** CLINICAL.md 4.9(f) (and issue 6 test values). */
  @ParameterizedTest
  @CsvSource({
    "50,35,pre,-2.466820,7.8217",
    "50,35,post,-1.418981,19.4821",
    "70,100,pre,-1.600298,16.7940",
    "300,500,pre,1.964037,87.6969"
  })
  void table(double he4, double ca125, String status, double pi, double roma) {
    Menopause m = Menopause.parse(status);
    assertEquals(pi, Roma.predictiveIndex(he4, ca125, m), 1e-6);
    assertEquals(roma, Roma.percent(he4, ca125, m), 1e-4);
  }

  @Test
  void platformBoundary() {
    // 50/35 premenopausal = 7.82 %: high at Abbott 7.4 %, low at Roche 11.4 % and Fujirebio 13.1 %
    Roma.Result a = Roma.evaluate(50, 35, Menopause.PREMENOPAUSAL, Roma.ABBOTT_ARCHITECT);
    assertTrue(a.highRisk());
    assertEquals(7.4, a.cutoffPercent(), 0);
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("not verified")));
    assertTrue(a.platform().name().contains("UNVERIFIED"));
    Roma.Result r = Roma.evaluate(50, 35, Menopause.PREMENOPAUSAL, Roma.ROCHE);
    assertFalse(r.highRisk());
    assertTrue(r.warnings().isEmpty());
    assertFalse(Roma.evaluate(50, 35, Menopause.PREMENOPAUSAL, Roma.FUJIREBIO).highRisk());
    // post 19.48 %: low at 27.7, 29.9 and 25.3
    assertFalse(Roma.evaluate(50, 35, Menopause.POSTMENOPAUSAL, Roma.ABBOTT_ARCHITECT).highRisk());
    assertEquals(27.7, Roma.platform("fujirebio").postmenopausalCutoff(), 0);
    assertEquals(29.9, Roma.platform("Roche").postmenopausalCutoff(), 0);
    assertEquals(13.1, Roma.PLATFORMS.get(0).premenopausalCutoff(), 0);
  }

  @Test
  void cutoffIsInclusive() {
    // a custom platform whose cut-off equals the computed ROMA exactly -> high risk (>=)
    double v = Roma.percent(70, 100, Menopause.PREMENOPAUSAL);
    Roma.Platform p = new Roma.Platform("lab", v, 50, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, true, "test");
    assertTrue(Roma.evaluate(70, 100, Menopause.PREMENOPAUSAL, p).highRisk());
  }

  @Test
  void badInputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Roma.percent(0, 35, Menopause.PREMENOPAUSAL));
    assertTrue(e.getMessage().contains("HE4"));
    assertThrows(IllegalArgumentException.class, () -> Roma.percent(50, -1, Menopause.POSTMENOPAUSAL));
    assertThrows(IllegalArgumentException.class, () -> Roma.percent(Double.NaN, 1, Menopause.POSTMENOPAUSAL));
    assertThrows(IllegalArgumentException.class, () -> Menopause.parse("maybe"));
    assertThrows(IllegalArgumentException.class, () -> Roma.platform("Siemens"));
    // out of the Roche measuring range: computed, with a warning naming the analyte and range
    Roma.Result r = Roma.evaluate(10, 6000, Menopause.POSTMENOPAUSAL, Roma.ROCHE);
    assertEquals(2, r.warnings().size());
    assertTrue(r.warnings().get(0).contains("HE4 10 pmol/L is below"));
    assertTrue(r.warnings().get(1).contains("CA125 6000 U/mL is above"));
  }

  @Test
  void defaultPlatformChecksRanges() {
    // HE4 5000 on the default platform (Fujirebio HE4 EIA + ARCHITECT CA125 II): ROMA is computed
    // (post: PI = -8.09 + 1.04 ln 5000 + 0.732 ln 35 = 3.3704, ROMA 96.68 %) but the HE4 range of
    // the HE4 EIA is not configured, and 5000 is above every configured HE4 range (1500, Jeong 2017)
    Roma.Result r = Roma.evaluate(5000, 35, Menopause.POSTMENOPAUSAL, Roma.PLATFORMS.get(0));
    assertEquals(96.68, r.romaPercent(), 0.01);
    assertEquals(1, r.warnings().size(), r.warnings().toString());
    String w = r.warnings().get(0);
    assertTrue(w.contains("HE4 5000 pmol/L") && w.contains("not configured")
        && w.contains("1500 pmol/L"), w);
    // CA125 above the ARCHITECT CA 125 II range 1-1000 U/mL (CLINICAL.md, Jeong 2017)
    r = Roma.evaluate(50, 2000, Menopause.POSTMENOPAUSAL, Roma.FUJIREBIO);
    assertTrue(r.warnings().stream().anyMatch(x -> x.contains("CA125 2000 U/mL is above")
        && x.contains("(1-1000 U/mL)")), r.warnings().toString());
  }
}
