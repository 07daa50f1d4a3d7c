package org.habitatj.core.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tumour composition as a categorical predictor: cystic, cystic-solid (mixed) or solid. The study's
 * coding is not published, so the coding is configurable and written into the model file.
 *
 * <ul>
 *   <li>{@link Scheme#INDICATOR}: one 0/1 indicator per non-reference level (R treatment contrasts);
 *       the reference level gets 0 points in the nomogram.
 *   <li>{@link Scheme#ORDINAL}: a single numeric term with codes cystic = 0, cystic-solid = 1, solid
 *       = 2 (a linear trend across levels).
 * </ul>
 */
public enum TumourComposition {
  CYSTIC("cystic", 0),
  CYSTIC_SOLID("cystic-solid", 1),
  SOLID("solid", 2);

  private final String label;
  private final int ordinalCode;

  TumourComposition(String label, int code) {
    this.label = label;
    this.ordinalCode = code;
  }

  /** Label used in CSV files and model files: "cystic", "cystic-solid", "solid". */
  public String label() {
    return label;
  }

  /** Ordinal code 0, 1, 2. */
  public int ordinalCode() {
    return ordinalCode;
  }

  /** Coding scheme. */
  public enum Scheme {
    INDICATOR,
    ORDINAL
  }

  /**
   * Parses a label (case-insensitive; "mixed", "cystic-solid", "cystic solid", "solid-cystic",
   * "cystic_solid") or an ordinal code "0", "1", "2".
   *
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  public static TumourComposition parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    switch (t) {
      case "cystic", "0", "0.0" -> {
        return CYSTIC;
      }
      case "cystic-solid", "solid-cystic", "mixed", "1", "1.0" -> {
        return CYSTIC_SOLID;
      }
      case "solid", "2", "2.0" -> {
        return SOLID;
      }
      default -> throw new IllegalArgumentException("unknown tumour composition '" + s
          + "'; use cystic, cystic-solid (mixed) or solid, or the codes 0, 1, 2");
    }
  }

  /**
   * A configured coding: scheme plus reference level (used by {@link Scheme#INDICATOR}).
   */
  public record Coding(Scheme scheme, TumourComposition reference) {
    /** Default: indicator coding with cystic as reference. */
    public static Coding defaults() {
      return new Coding(Scheme.INDICATOR, CYSTIC);
    }

    /** Names of the design columns for a predictor called {@code base}. */
    public List<String> columnNames(String base) {
      List<String> n = new ArrayList<>();
      if (scheme == Scheme.ORDINAL) {
        n.add(base);
      } else {
        for (TumourComposition c : values()) {
          if (c != reference) {
            n.add(base + "=" + c.label());
          }
        }
      }
      return n;
    }

    /** Design values for one level, in the order of {@link #columnNames}. */
    public double[] encode(TumourComposition c) {
      if (scheme == Scheme.ORDINAL) {
        return new double[] {c.ordinalCode()};
      }
      double[] v = new double[values().length - 1];
      int k = 0;
      for (TumourComposition l : values()) {
        if (l != reference) {
          v[k++] = l == c ? 1 : 0;
        }
      }
      return v;
    }
  }
}
