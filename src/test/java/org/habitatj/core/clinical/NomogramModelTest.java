package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.habitatj.core.clinical.NomogramModel.Term;
import org.junit.jupiter.api.Test;

class NomogramModelTest {
  static NomogramModel model() {
    // hand-made model: ROMA beta 0.05 on [0,100] (range 5.0), ITH beta -2 on [0,1] (range 2),
    // composition levels cystic 0 (ref), cystic-solid 1.5, solid 3.0
    return new NomogramModel("test", "malignant", -3.0,
        List.of(Term.continuous("ROMA", "ROMA (%)", "%", 0.05, 0, 100),
            Term.categorical("composition", "Composition",
                List.of("cystic", "cystic-solid", "solid"), "cystic", new double[] {0, 1.5, 3.0},
                "indicator, reference = cystic"),
            Term.continuous("ITH", "Combined ITH", "", -2.0, 0, 1)),
        0.5, 100, new NomogramModel.TrainingSummary(84, 48,
            new NomogramModel.Auc(0.9, 0.8, 1.0), 36, 20, new NomogramModel.Auc(0.85, 0.7, 0.99),
            42, "n"),
        "2026-01-01", "0.1.0", "test model");
  }

  @Test
  void pointsByHand() {
    NomogramModel m = model();
    // R = max(5.0, 3.0, 2.0) = 5.0
    assertEquals(5.0, m.pointsRange(), 1e-15);
    Term roma = m.term("ROMA");
    Term ith = m.term("ITH");
    // ROMA 40 -> 100 * (2.0 - 0)/5 = 40 points; ITH (beta<0): lowest contribution at x=1 (-2),
    // so x = 0.25 -> 100 * (-0.5 - (-2))/5 = 30 points; solid -> 100*3/5 = 60 points
    assertEquals(40, m.points(roma, 40), 1e-12);
    assertEquals(30, m.points(ith, 0.25), 1e-12);
    assertEquals(60, m.pointsForLevel(m.term("composition"), 2), 1e-12);
    NomogramModel.Prediction p = m.apply(Map.of("ROMA", 40.0, "composition", "solid", "ITH", 0.25));
    // LP = -3 + 2 + 3 - 0.5 = 1.5
    assertEquals(1.5, p.linearPredictor(), 1e-12);
    assertEquals(1 / (1 + Math.exp(-1.5)), p.probability(), 1e-15);
    assertEquals(130, p.totalPoints(), 1e-12);
    assertEquals("high", p.riskClass());
    assertEquals(p.probability(), m.probabilityForPoints(p.totalPoints()), 1e-14);
    // maximum total = 100 + 60 + 40
    assertEquals(200, m.maxTotalPoints(), 1e-12);
  }

  @Test
  void pointsReproduceProbabilityEverywhere() {
    NomogramModel m = model();
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    String[] lv = {"cystic", "Mixed", "2"};
    for (int i = 0; i < 500; i++) {
      double roma = r.nextDouble(-10, 120); // includes extrapolation
      double ith = r.nextDouble();
      NomogramModel.Prediction p =
          m.apply(Map.of("ROMA", roma, "composition", lv[i % 3], "ITH", ith));
      assertEquals(p.linearPredictor(), m.linearPredictorForPoints(p.totalPoints()), 1e-12);
      assertEquals(p.probability(), m.probabilityForPoints(p.totalPoints()), 1e-14);
      assertEquals(roma < 0 || roma > 100, !p.warnings().isEmpty());
    }
  }

  @Test
  void jsonRoundTripAndErrors() {
    NomogramModel m = model();
    String js = m.toJson();
    NomogramModel b = NomogramModel.fromJson(js, "mem");
    assertEquals(js, b.toJson());
    assertEquals(0.85, b.training().testAuc().auc(), 0);
    assertTrue(js.contains("\"provenance\": \"test model\""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NomogramModel.fromJson(js.replace("\"intercept\"", "\"icept\""), "x.json"));
    assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("intercept"));
    assertThrows(IllegalArgumentException.class,
        () -> m.apply(Map.of("ROMA", 1.0, "composition", "fatty", "ITH", 0.2)));
    assertThrows(IllegalArgumentException.class, () -> m.apply(Map.of("ROMA", 1.0)));
  }
}
