package org.habitatj.core.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Risk of Ovarian Malignancy Algorithm (ROMA; Moore et al., Gynecol Oncol 2009;112:40; Fujirebio
 * package insert "ROMA (HE4 EIA + ARCHITECT CA 125 II)", 404-10US, 2011).
 *
 * <p>Inputs: HE4 in pmol/L, CA125 in U/mL, menopausal status (post-menopausal: &gt; 12 months of
 * amenorrhoea, or age &gt; 50 when the history is unreliable). ln is the natural logarithm.
 *
 * <ul>
 *   <li>pre-menopausal predictive index PI = −12.0 + 2.38·ln(HE4) + 0.0626·ln(CA125)
 *   <li>post-menopausal PI = −8.09 + 1.04·ln(HE4) + 0.732·ln(CA125)
 *   <li>ROMA = 100·e^PI/(1 + e^PI), in <b>percent</b> (the FDA insert prints ROMA ×10, so its cut-offs
 *       "1.31"/"2.77" mean 13.1 %/27.7 %)
 * </ul>
 *
 * <p>High risk when ROMA ≥ the cut-off of the assay {@link Platform} for the menopausal status.
 * Cut-offs differ between assay platforms and are configurable; the built-in table is {@link
 * #PLATFORMS}. Values ≤ 0 or non-finite are rejected with {@link IllegalArgumentException}; values
 * outside the platform's measuring range are computed but reported in {@link Result#warnings()}.
 */
public final class Roma {

  /** Menopausal status. */
  public enum Menopause {
    PREMENOPAUSAL,
    POSTMENOPAUSAL;

    /** Parses "pre", "premenopausal", "post", "postmenopausal" (case-insensitive). */
    public static Menopause parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT).replace("-", "");
      if (t.startsWith("pre")) {
        return PREMENOPAUSAL;
      }
      if (t.startsWith("post")) {
        return POSTMENOPAUSAL;
      }
      throw new IllegalArgumentException(
          "menopausal status must be 'premenopausal' or 'postmenopausal', got '" + s + "'");
    }
  }

  /**
   * An assay platform: ROMA cut-offs (percent) and measuring ranges (NaN = not checked).
   *
   * @param verified whether the cut-offs were verified from a primary source
   */
  public record Platform(
      String name,
      double premenopausalCutoff,
      double postmenopausalCutoff,
      double he4Min,
      double he4Max,
      double ca125Min,
      double ca125Max,
      boolean verified,
      String source) {

    /** Cut-off in percent for a menopausal status. */
    public double cutoff(Menopause m) {
      return m == Menopause.PREMENOPAUSAL ? premenopausalCutoff : postmenopausalCutoff;
    }
  }

  /**
   * Fujirebio HE4 EIA + Abbott ARCHITECT CA125 II (FDA 2011, 75 % specificity): 13.1 / 27.7 %.
   * CA125 range 1–1000 U/mL (ARCHITECT CA 125 II, Jeong et al. 2017); the HE4 EIA's range could
   * not be verified from a source, so it is not configured and every evaluation says so.
   */
  public static final Platform FUJIREBIO =
      new Platform(
          "Fujirebio HE4 EIA + ARCHITECT CA125 II",
          13.1,
          27.7,
          Double.NaN,
          Double.NaN,
          1,
          1000,
          true,
          "Fujirebio ROMA package insert 404-10US (2011); he4test.com");

  /** Roche Elecsys HE4 + CA125 II: 11.4 / 29.9 % (Mayo validation, Ann Clin Lab Sci 2018;48:90). */
  public static final Platform ROCHE =
      new Platform(
          "Roche Elecsys HE4 + CA125 II",
          11.4,
          29.9,
          15,
          1500,
          0.6,
          5000,
          true,
          "mdicu.com calc-828; Ann Clin Lab Sci 2018;48:90 (PubMed 29531002); ranges Jeong 2017");

  /**
   * Abbott ARCHITECT HE4 CMIA + CA125 II: 7.4 / 25.3 %. <b>Not verified from a primary source</b>
   * (widely quoted, used by many Chinese laboratories).
   */
  public static final Platform ABBOTT_ARCHITECT =
      new Platform(
          "Abbott ARCHITECT HE4 + CA125 II (UNVERIFIED cut-offs)",
          7.4,
          25.3,
          20,
          1500,
          1,
          1000,
          false,
          "widely quoted; not verified from a primary source; ranges Jeong 2017");

  /** Built-in platforms, the first is the default. */
  public static final List<Platform> PLATFORMS = List.of(FUJIREBIO, ROCHE, ABBOTT_ARCHITECT);

  /** A ROMA evaluation. */
  public record Result(
      double he4,
      double ca125,
      Menopause status,
      double predictiveIndex,
      double romaPercent,
      Platform platform,
      double cutoffPercent,
      boolean highRisk,
      List<String> warnings) {

    /** "High risk" or "Low risk". */
    public String riskLabel() {
      return highRisk ? "High risk" : "Low risk";
    }
  }

  private Roma() {}

  /** Looks up a built-in platform by a case-insensitive prefix of its name ("Fujirebio", "Roche", "Abbott"). */
  public static Platform platform(String name) {
    String t = name.trim().toLowerCase(Locale.ROOT);
    for (Platform p : PLATFORMS) {
      if (p.name().toLowerCase(Locale.ROOT).startsWith(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown ROMA platform '" + name + "'; known: Fujirebio, Roche, Abbott");
  }

  /** Predictive index (log-odds). */
  public static double predictiveIndex(double he4, double ca125, Menopause status) {
    check("HE4 (pmol/L)", he4);
    check("CA125 (U/mL)", ca125);
    return status == Menopause.PREMENOPAUSAL
        ? -12.0 + 2.38 * Math.log(he4) + 0.0626 * Math.log(ca125)
        : -8.09 + 1.04 * Math.log(he4) + 0.732 * Math.log(ca125);
  }

  /** ROMA in percent. */
  public static double percent(double he4, double ca125, Menopause status) {
    double pi = predictiveIndex(he4, ca125, status);
    return 100 / (1 + Math.exp(-pi));
  }

  /** Full evaluation against a platform's cut-off. */
  public static Result evaluate(double he4, double ca125, Menopause status, Platform platform) {
    double pi = predictiveIndex(he4, ca125, status);
    double roma = 100 / (1 + Math.exp(-pi));
    List<String> w = new ArrayList<>();
    range(w, "HE4", he4, "pmol/L", platform.he4Min(), platform.he4Max(), platform.name());
    if (Double.isNaN(platform.he4Min()) && Double.isNaN(platform.he4Max())) {
      // no verified source for this platform's HE4 range (Fujirebio HE4 EIA): say so, and compare
      // with the widest HE4 range that is configured (Architect/Elecsys, Jeong 2017: up to 1500)
      double top = Double.NaN;
      for (Platform p : PLATFORMS) {
        if (!Double.isNaN(p.he4Max())) {
          top = Double.isNaN(top) ? p.he4Max() : Math.max(top, p.he4Max());
        }
      }
      String msg = "HE4 " + fmt(he4) + " pmol/L is not checked: the HE4 measuring range of "
          + platform.name() + " is not configured (no verified source)";
      if (!Double.isNaN(top) && he4 > top) {
        msg += "; it is above the upper limit of every configured HE4 assay (" + fmt(top)
            + " pmol/L), so the ROMA value is unreliable";
      }
      w.add(msg);
    }
    range(w, "CA125", ca125, "U/mL", platform.ca125Min(), platform.ca125Max(), platform.name());
    if (!platform.verified()) {
      w.add("cut-offs of platform '" + platform.name() + "' are not verified from a primary source");
    }
    double cut = platform.cutoff(status);
    return new Result(he4, ca125, status, pi, roma, platform, cut, roma >= cut, List.copyOf(w));
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static void check(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
    }
  }

  private static void range(
      List<String> w, String what, double v, String unit, double lo, double hi, String pf) {
    if (!Double.isNaN(lo) && v < lo) {
      w.add(what + " " + fmt(v) + " " + unit + " is below the measuring range of " + pf + " ("
          + fmt(lo) + "-" + fmt(hi) + " " + unit + ")");
    }
    if (!Double.isNaN(hi) && v > hi) {
      w.add(what + " " + fmt(v) + " " + unit + " is above the measuring range of " + pf + " ("
          + fmt(lo) + "-" + fmt(hi) + " " + unit + ")");
    }
  }
}
