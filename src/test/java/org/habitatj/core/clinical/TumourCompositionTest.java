package org.habitatj.core.clinical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TumourCompositionTest {
  @Test
  void parseAndCode() {
    assertEquals(TumourComposition.CYSTIC_SOLID, TumourComposition.parse("Mixed"));
    assertEquals(TumourComposition.CYSTIC_SOLID, TumourComposition.parse("cystic solid"));
    assertEquals(TumourComposition.SOLID, TumourComposition.parse("2"));
    assertThrows(IllegalArgumentException.class, () -> TumourComposition.parse("fatty"));
    TumourComposition.Coding ind = TumourComposition.Coding.defaults();
    assertEquals(List.of("comp=cystic-solid", "comp=solid"), ind.columnNames("comp"));
    assertArrayEquals(new double[] {0, 0}, ind.encode(TumourComposition.CYSTIC));
    assertArrayEquals(new double[] {0, 1}, ind.encode(TumourComposition.SOLID));
    TumourComposition.Coding solidRef =
        new TumourComposition.Coding(TumourComposition.Scheme.INDICATOR, TumourComposition.SOLID);
    assertEquals(List.of("c=cystic", "c=cystic-solid"), solidRef.columnNames("c"));
    assertArrayEquals(new double[] {1, 0}, solidRef.encode(TumourComposition.CYSTIC));
    TumourComposition.Coding ord =
        new TumourComposition.Coding(TumourComposition.Scheme.ORDINAL, TumourComposition.CYSTIC);
    assertArrayEquals(new double[] {1}, ord.encode(TumourComposition.CYSTIC_SOLID));
  }
}
