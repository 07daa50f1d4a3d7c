package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.habitatj.core.clinical.OradsMri.Findings;
import org.habitatj.core.clinical.OradsMri.Fluid;
import org.habitatj.core.clinical.OradsMri.NonDce;
import org.habitatj.core.clinical.OradsMri.Physiologic;
import org.habitatj.core.clinical.OradsMri.Structure;
import org.habitatj.core.clinical.OradsMri.Tic;
import org.habitatj.core.clinical.OradsMri.Wall;
import org.junit.jupiter.api.Test;

/** One case per leaf of the CLINICAL.md section 3 decision tree, plus precedence cases. */
class OradsMriTest {
  static final Findings BASE = Findings.base();

  static int score(Findings f) {
    return OradsMri.score(f).score();
  }

  static Findings solid() {
    return BASE.withLesion(Structure.SOLID_PREDOMINANT, null, true, Wall.THIN_SMOOTH);
  }

  @Test
  void leaves() {
    assertEquals(0, score(BASE.withExamComplete(false)));
    assertEquals(5, score(BASE.withPeritonealNodularity(true)));
    assertEquals(1, score(BASE.withLesion(Structure.NO_LESION, null, false, null)));
    assertEquals(1, score(BASE.withPhysiologic(Physiologic.FOLLICLE, 2.5, true)));
    assertEquals(1, score(BASE.withPhysiologic(Physiologic.CORPUS_LUTEUM, 3.0, true)));
    assertEquals(4, score(BASE.withLipid(true, true)));
    assertEquals(2, score(BASE.withLipid(true, false)));
    assertEquals(2, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.MUCINOUS, false, Wall.THIN_SMOOTH)));
    assertEquals(2, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.SIMPLE, true, Wall.THIN_SMOOTH)));
    assertEquals(2, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.ENDOMETRIOTIC, true, Wall.THIN_SMOOTH)));
    assertEquals(3, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.PROTEINACEOUS, true, Wall.THIN_SMOOTH)));
    assertEquals(3, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.HAEMORRHAGIC, true, Wall.THIN_SMOOTH)));
    assertEquals(3, score(BASE.withLesion(Structure.MULTILOCULAR, Fluid.SIMPLE, true, Wall.THIN_SMOOTH)));
    assertEquals(2, score(BASE.withLesion(Structure.DILATED_TUBE, Fluid.SIMPLE, false, Wall.THIN_SMOOTH)));
    assertEquals(3, score(BASE.withLesion(Structure.DILATED_TUBE, Fluid.HAEMORRHAGIC, false, Wall.THIN_SMOOTH)));
    assertEquals(3, score(BASE.withLesion(Structure.DILATED_TUBE, Fluid.SIMPLE, false, Wall.THICK_SMOOTH)));
    assertEquals(2, score(BASE.withLesion(Structure.PARAOVARIAN, Fluid.PROTEINACEOUS, true, Wall.THIN_SMOOTH)));
    assertEquals(2, score(solid().withSolid(true, true, true, Tic.HIGH, null)));
    assertEquals(3, score(solid().withSolid(true, false, true, Tic.LOW, null)));
    assertEquals(4, score(solid().withSolid(true, false, true, Tic.INTERMEDIATE, null)));
    assertEquals(5, score(solid().withSolid(true, false, true, Tic.HIGH, null)));
    assertEquals(4, score(solid().withSolid(true, false, false, null, NonDce.LESS_OR_EQUAL)));
    assertEquals(5, score(solid().withSolid(true, false, false, null, NonDce.GREATER)));
  }

  @Test
  void precedence() {
    // peritoneal nodularity overrides everything else (even a physiological finding, lipid, T2 dark)
    Findings all = solid().withSolid(true, true, true, Tic.LOW, null).withLipid(true, false)
        .withPhysiologic(Physiologic.FOLLICLE, 2, true).withPeritonealNodularity(true);
    assertEquals(5, score(all));
    // ... but an incomplete exam comes first
    assertEquals(0, score(all.withExamComplete(false)));
    // lipid + large-volume solid tissue gives 4 even with a high-risk TIC
    assertEquals(4, score(solid().withSolid(true, false, true, Tic.HIGH, null).withLipid(true, true)));
    // T2-dark/DWI-dark gives 2 even with solid tissue and a high-risk TIC
    assertEquals(2, score(solid().withSolid(true, true, true, Tic.HIGH, null)));
    // physiological cyst > 3 cm or postmenopausal is not score 1
    assertEquals(3, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.HAEMORRHAGIC, true, Wall.THIN_SMOOTH)
        .withPhysiologic(Physiologic.HAEMORRHAGIC_CYST, 3.5, true)));
    assertEquals(3, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.HAEMORRHAGIC, true, Wall.THIN_SMOOTH)
        .withPhysiologic(Physiologic.HAEMORRHAGIC_CYST, 2, false)));
    // an irregular wall is solid tissue -> needs the TIC
    assertEquals(5, score(BASE.withLesion(Structure.UNILOCULAR, Fluid.SIMPLE, true, Wall.IRREGULAR)
        .withSolid(false, false, true, Tic.HIGH, null)));
    // non-DCE never gives 3 for solid tissue
    for (NonDce nd : NonDce.values()) {
      org.junit.jupiter.api.Assertions.assertTrue(
          score(solid().withSolid(true, false, false, null, nd)) >= 4);
    }
  }

  @Test
  void bandsAndErrors() {
    OradsMri.Result r = OradsMri.score(solid().withSolid(true, false, true, Tic.INTERMEDIATE, null));
    assertEquals("Intermediate risk", r.riskCategory());
    assertEquals("~50%", r.ppv());
    assertEquals("<0.5%", OradsMri.ppv(2));
    assertEquals("~90%", OradsMri.ppv(5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OradsMri.score(solid().withSolid(true, false, true, null, null)));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("time-intensity curve"));
    assertThrows(IllegalArgumentException.class,
        () -> OradsMri.score(solid().withSolid(true, false, false, null, null)));
    assertThrows(IllegalArgumentException.class,
        () -> OradsMri.score(BASE.withLesion(Structure.DILATED_TUBE, Fluid.MUCINOUS, false, Wall.THICK_SMOOTH)));
    assertThrows(IllegalArgumentException.class,
        () -> OradsMri.score(BASE.withLesion(Structure.SOLID_PREDOMINANT, null, false, Wall.THIN_SMOOTH)));
  }
}
