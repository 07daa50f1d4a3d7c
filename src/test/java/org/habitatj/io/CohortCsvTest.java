package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.habitatj.core.clinical.Cohort;
import org.junit.jupiter.api.Test;

class CohortCsvTest {
  static final String CSV = "id,outcome,ROMA,composition,grade\n"
      + "a,0,10.5,cystic,1\n"
      + "b,malignant,40,solid,2\n"
      + "c,1,NA,\"cystic-solid\",2\n";

  @Test
  void readsTypesAndMissing() {
    Cohort c = CohortCsv.parse(CSV, "t.csv", "outcome", "id", Set.of("grade"));
    assertArrayEquals(new int[] {0, 1, 1}, c.outcome());
    assertTrue(c.isNumeric("ROMA"));
    assertTrue(c.isCategorical("composition"));
    assertTrue(c.isCategorical("grade"));
    assertArrayEquals(new String[] {"cystic", "solid", "cystic-solid"}, c.categorical("composition"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.numeric("ROMA"));
    assertEquals("t.csv: column 'ROMA' has missing values in 1 row(s): [c]", e.getMessage());
    assertEquals(10.5, c.subset(new int[] {0, 1}).numeric("ROMA")[0], 0);
  }

  @Test
  void errorsNameRowAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CohortCsv.parse(CSV.replace("b,malignant", "b,maybe"), "t.csv", "outcome", "id", null));
    assertEquals("t.csv: b, outcome column 'outcome': value 'maybe' is not 0/1 (or benign/malignant, no/yes)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CohortCsv.parse(CSV, "t.csv", "malignant", null, null));
    assertTrue(e.getMessage().startsWith("t.csv: outcome column 'malignant' not found"));
    e = assertThrows(IllegalArgumentException.class,
        () -> CohortCsv.parse(CSV + "d,0,3\n", "t.csv", "outcome", "id", null));
    assertEquals("t.csv: data row 4 has 3 cells but the header has 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CohortCsv.parse("id,outcome,x,x\n1,0,1,2\n", "t.csv", "outcome", "id", null));
    assertTrue(e.getMessage().contains("duplicate") || e.getMessage().contains("x"), e.getMessage());
  }
}
