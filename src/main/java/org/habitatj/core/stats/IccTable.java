package org.habitatj.core.stats;

/** Report table of all six ICC forms for one rating table ({@link Icc}). */
public final class IccTable {
  private IccTable() {}

  /** One row per form: value, CI, F test; {@code name} labels the rated quantity. */
  public static Table of(String name, Icc.Result r, double alpha) {
    Table.Builder b = new Table.Builder("ICC", "Quantity", "Form", "Model", "ICC",
        "Lower " + Math.round((1 - alpha) * 100) + "%", "Upper " + Math.round((1 - alpha) * 100) + "%",
        "F", "df1", "df2", "p", "Targets", "Raters");
    for (Icc.Estimate e : r.estimates()) {
      b.add(name, e.form().label(), e.form().description(), e.value(), e.lower(), e.upper(), e.f(),
          e.df1(), e.df2(), e.p(), r.n(), r.k());
    }
    return b.build();
  }
}
