package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledModelTest {
  static String resource(String name) throws IOException {
    try (InputStream in = BundledModelTest.class.getResourceAsStream("/org/habitatj/nomogram/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void committedCohortEqualsRegeneration() throws IOException {
    String csv = BundledModelGenerator.cohortCsv();
    assertEquals(csv, resource(BundledModelGenerator.COHORT_FILE));
    int[] y = BundledModelGenerator.cohort().outcome();
    int events = 0;
    for (int v : y) {
      events += v;
    }
    assertEquals(120, y.length);
    assertEquals(68, events);
  }

  /**
   * The committed model equals a fresh fit: text fields exactly, numbers to 1e-9 relative (Math.exp
   * may differ by an ulp between JVMs). HabitatJ version is excluded (it changes with releases).
   */
  @Test
  void committedModelEqualsRegeneration() throws IOException {
    NomogramModel fresh = BundledModelGenerator.train().model();
    NomogramModel committed = NomogramModel.bundled();
    assertEquals(fresh.name(), committed.name());
    assertEquals(fresh.provenance(), committed.provenance());
    assertEquals(fresh.created(), committed.created());
    assertEquals(fresh.terms().size(), committed.terms().size());
    close(fresh.intercept(), committed.intercept());
    close(fresh.riskCutoff(), committed.riskCutoff());
    for (int t = 0; t < fresh.terms().size(); t++) {
      NomogramModel.Term a = fresh.terms().get(t);
      NomogramModel.Term b = committed.terms().get(t);
      assertEquals(a.name(), b.name());
      assertEquals(a.type(), b.type());
      assertEquals(a.coding(), b.coding());
      assertEquals(a.levels(), b.levels());
      if (a.type() == NomogramModel.Type.CONTINUOUS) {
        close(a.coefficient(), b.coefficient());
        assertEquals(a.min(), b.min(), 0);
        assertEquals(a.max(), b.max(), 0);
      } else {
        assertArrayEquals(a.levelCoefficients(), b.levelCoefficients(), 1e-9);
      }
    }
    close(fresh.training().trainAuc().auc(), committed.training().trainAuc().auc());
    close(fresh.training().testAuc().lower(), committed.training().testAuc().lower());
    assertEquals(fresh.training().n(), committed.training().n());
  }

  static void close(double a, double b) {
    assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)));
  }

  @Test
  void bundledSaysIllustrativeAndApplies() {
    NomogramModel m = NomogramModel.bundled();
    assertTrue(m.provenance().startsWith("ILLUSTRATIVE MODEL - NOT THE PUBLISHED MODEL"));
    assertTrue(m.provenance().contains("SYNTHETIC"));
    assertTrue(m.provenance().contains("Train Model"));
    assertTrue(m.name().contains("ILLUSTRATIVE"));
    assertEquals(84, m.training().n());
    assertEquals(48, m.training().events());
    assertEquals(36, m.training().nTest());
    NomogramModel.Prediction p =
        m.apply(Map.of("ROMA", 30.0, "composition", "solid", "combined_ITH", 0.5));
    double lp = m.intercept() + m.term("ROMA").coefficient() * 30
        + m.term("composition").levelCoefficients()[2] + m.term("combined_ITH").coefficient() * 0.5;
    assertEquals(lp, p.linearPredictor(), 1e-12);
    assertEquals(p.probability(), m.probabilityForPoints(p.totalPoints()), 1e-14);
  }
}
