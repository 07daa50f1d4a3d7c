package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.habitatj.core.stats.Icc.Form;
import org.junit.jupiter.api.Test;

class IccTest {
  /** Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges, as printed in psych/DescTools docs. */
  static final double[][] SF = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}
  };

  @Test
  void shroutFleissPointEstimates() {
    Icc.Result r = Icc.compute(SF);
    // CLINICAL.md 4.9(a)
    assertEquals(11.241667, r.msr(), 1e-6);
    assertEquals(32.486111, r.msc(), 1e-6);
    assertEquals(1.019444, r.mse(), 1e-6);
    assertEquals(6.263889, r.msw(), 1e-6);
    assertEquals(0.165742, r.get(Form.ICC1_1).value(), 1e-6);
    assertEquals(0.289764, r.get(Form.ICC2_1).value(), 1e-6);
    assertEquals(0.714841, r.get(Form.ICC3_1).value(), 1e-6);
    assertEquals(0.442797, r.get(Form.ICC1_K).value(), 1e-6);
    assertEquals(0.620051, r.get(Form.ICC2_K).value(), 1e-6);
    assertEquals(0.909316, r.get(Form.ICC3_K).value(), 1e-6);
  }

  @Test
  void shroutFleissConfidenceIntervals() {
    Icc.Result r = Icc.compute(SF);
    // CLINICAL.md 4.9(a) (4 decimals; psych::ICC prints 0.019-0.76, 0.34-0.95, -0.13-0.72)
    Icc.Estimate e3 = r.get(Form.ICC3_1);
    assertEquals(11.0272, e3.f(), 5e-5);
    assertEquals(0.3425, e3.lower(), 5e-5);
    assertEquals(0.9459, e3.upper(), 5e-5);
    Icc.Estimate e3k = r.get(Form.ICC3_K);
    assertEquals(0.6757, e3k.lower(), 5e-5);
    assertEquals(0.9859, e3k.upper(), 5e-5);
    Icc.Estimate e2 = r.get(Form.ICC2_1);
    assertEquals(4.7851, e2.df2(), 5e-5);
    assertEquals(0.0188, e2.lower(), 5e-5);
    assertEquals(0.7611, e2.upper(), 5e-5);
    Icc.Estimate e1 = r.get(Form.ICC1_1);
    assertEquals(1.7947, e1.f(), 5e-5);
    assertEquals(-0.1329, e1.lower(), 5e-5);
    assertEquals(0.7226, e1.upper(), 5e-5);
  }

  @Test
  void perfectAgreement() {
    double[][] t = {{1, 1}, {2, 2}, {5, 5}};
    // MSE = 0, MSC = 0, MSW = 0 -> every ICC = 1
    for (Icc.Estimate e : Icc.compute(t).estimates()) {
      assertEquals(1.0, e.value(), 1e-15, e.form().label());
    }
  }
}
