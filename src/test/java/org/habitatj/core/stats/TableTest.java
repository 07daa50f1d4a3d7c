package org.habitatj.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void numbersArePlainDecimalsWithFullPrecision() {
    // the two values of the user report, written out by hand from their E-notation
    assertEquals("0.00032471488641964486", Table.formatNumber(3.2471488641964486E-4));
    assertEquals("-0.00000000000000034", Table.formatNumber(-3.4E-16));
    assertEquals("0.000000000003", Table.formatNumber(3e-12)); // p = 3e-12: 12 decimals, plain
    assertEquals("0.00000000000000000001", Table.formatNumber(1e-20)); // smallest plain
    assertEquals("9.9E-21", Table.formatNumber(9.9e-21)); // below: E-notation
    assertEquals("2.2E-25", Table.formatNumber(2.2e-25));
    assertEquals("0.9517", Table.formatNumber(0.9517));
    assertEquals("3.0", Table.formatNumber(3.0));
    assertEquals("-2.0", Table.formatNumber(-2.0));
    assertEquals("0.0", Table.formatNumber(0.0));
    assertEquals("10000000.0", Table.formatNumber(1e7));
    assertEquals("1.2345678901234568E20", Table.formatNumber(1.2345678901234568E20)); // >= 1e20
    assertEquals("15000000000000000000.0", Table.formatNumber(1.5e19)); // < 1e20: plain
    assertEquals("NaN", Table.formatNumber(Double.NaN));
    assertEquals("-Infinity", Table.formatNumber(Double.NEGATIVE_INFINITY));
    // full precision: every formatted value parses back to the same double
    double[] xs = {Math.PI * 1e-9, -1 / 3.0, 0.1 + 0.2, 4.9e-19, 123456.789e3, Double.MIN_NORMAL,
        Math.nextUp(1.0)};
    for (double x : xs) {
      String f = Table.formatNumber(x);
      assertEquals(x, Double.parseDouble(f), 0, f);
      if (Math.abs(x) >= Table.PLAIN_MIN) {
        assertFalse(f.contains("E"), f);
      }
    }
    // the digits are Double.toString's shortest round-trip digits, only the point moves
    assertEquals("3.141592653589793E-9", Double.toString(Math.PI * 1e-9));
    assertEquals("0.000000003141592653589793", Table.formatNumber(Math.PI * 1e-9));
  }

  @Test
  void csvHasNoENotationAndQuotesText() {
    Table t = new Table.Builder("T", "Name", "p", "n", "Beta").add("a,b", 3.2471488641964486E-4, 12,
        -3.4E-16).add("plain", 1e-30, 3L, 2.0).build();
    assertEquals("Name,p,n,Beta\n"
        + "\"a,b\",0.00032471488641964486,12,-0.00000000000000034\n"
        + "plain,1.0E-30,3,2.0\n", t.toCsv());
  }
}
