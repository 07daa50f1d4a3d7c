package org.habitatj.core.clinical;

import java.util.Locale;

/**
 * O-RADS MRI risk score (ACR; Sadowski, Thomassin-Naggara et al., Radiology 2022;303:35-47, doi
 * 10.1148/radiol.204371; validation Thomassin-Naggara et al., JAMA Netw Open 2020;3:e1919896) as a
 * decision function over the lexicon's findings. The first matching rule wins:
 *
 * <ol>
 *   <li>incomplete or non-diagnostic exam → 0
 *   <li>peritoneal, mesenteric or omental nodularity or irregular thickening → 5
 *   <li>no lesion; or, premenopausal, a follicle / corpus luteum / haemorrhagic cyst ≤ 3 cm → 1
 *   <li>lipid content: with large-volume enhancing solid tissue → 4, otherwise → 2
 *   <li>no enhancing solid tissue: unilocular cyst without wall enhancement → 2; unilocular with
 *       smooth enhancing wall and simple or endometriotic fluid → 2; unilocular with smooth
 *       enhancing wall and proteinaceous, haemorrhagic or mucinous fluid → 3; multilocular → 3;
 *       dilated tube with simple fluid and thin smooth wall → 2; dilated tube with non-simple fluid
 *       and thin wall, or simple fluid and thick smooth wall → 3; para-ovarian cyst with thin smooth
 *       wall → 2
 *   <li>enhancing solid tissue (papillary projection, mural nodule, irregular septum/wall, larger
 *       solid portion; an irregular wall counts as solid tissue): dark T2 and dark high-b DWI → 2;
 *       with DCE: low-risk TIC → 3, intermediate → 4, high → 5; without DCE (enhancement at 30–40
 *       s vs outer myometrium): ≤ myometrium → 4, &gt; myometrium → 5
 * </ol>
 *
 * Findings that the lexicon does not score (a dilated tube with non-simple fluid <i>and</i> a thick
 * wall, a thick-walled para-ovarian cyst, a solid-predominant lesion without enhancing solid
 * tissue, missing TIC/non-DCE input when solid tissue enhances) raise {@link
 * IllegalArgumentException} naming the missing or contradictory finding. With several lesions,
 * score each and manage by the highest.
 *
 * <p>PPV for malignancy (ACR): 2 &lt; 0.5 %, 3 ≈ 5 %, 4 ≈ 50 %, 5 ≈ 90 %.
 */
public final class OradsMri {

  /** Physiological finding. */
  public enum Physiologic {
    NONE, FOLLICLE, CORPUS_LUTEUM, HAEMORRHAGIC_CYST
  }

  /** Lesion structure. */
  public enum Structure {
    NO_LESION, UNILOCULAR, MULTILOCULAR, SOLID_PREDOMINANT, DILATED_TUBE, PARAOVARIAN
  }

  /** Fluid type. */
  public enum Fluid {
    SIMPLE, ENDOMETRIOTIC, HAEMORRHAGIC, PROTEINACEOUS, MUCINOUS, LIPID
  }

  /** Wall. */
  public enum Wall {
    THIN_SMOOTH, THICK_SMOOTH, IRREGULAR
  }

  /** Time-intensity curve risk (Nougaret et al., Insights Imaging 2024). */
  public enum Tic {
    LOW, INTERMEDIATE, HIGH
  }

  /** Non-DCE early enhancement (30–40 s) compared with the outer myometrium. */
  public enum NonDce {
    LESS_OR_EQUAL, GREATER
  }

  /** Lexicon inputs. Null enums mean "not assessed". */
  public record Findings(
      boolean examComplete,
      boolean peritonealNodularity,
      Physiologic physiologic,
      double maxDiameterCm,
      boolean premenopausal,
      boolean lipid,
      boolean largeVolumeEnhancingSolidTissue,
      Structure structure,
      Fluid fluid,
      boolean wallEnhancement,
      Wall wall,
      boolean enhancingSolidTissue,
      boolean t2DarkDwiDark,
      boolean dceAvailable,
      Tic tic,
      NonDce nonDce) {

    /** A complete exam with one unilocular simple cyst, thin smooth wall, nothing else. */
    public static Findings base() {
      return new Findings(true, false, Physiologic.NONE, Double.NaN, false, false, false,
          Structure.UNILOCULAR, Fluid.SIMPLE, false, Wall.THIN_SMOOTH, false, false, true, null, null);
    }

    public Findings withExamComplete(boolean v) {
      return new Findings(v, peritonealNodularity, physiologic, maxDiameterCm, premenopausal, lipid,
          largeVolumeEnhancingSolidTissue, structure, fluid, wallEnhancement, wall,
          enhancingSolidTissue, t2DarkDwiDark, dceAvailable, tic, nonDce);
    }

    public Findings withPeritonealNodularity(boolean v) {
      return new Findings(examComplete, v, physiologic, maxDiameterCm, premenopausal, lipid,
          largeVolumeEnhancingSolidTissue, structure, fluid, wallEnhancement, wall,
          enhancingSolidTissue, t2DarkDwiDark, dceAvailable, tic, nonDce);
    }

    public Findings withPhysiologic(Physiologic v, double diameterCm, boolean pre) {
      return new Findings(examComplete, peritonealNodularity, v, diameterCm, pre, lipid,
          largeVolumeEnhancingSolidTissue, structure, fluid, wallEnhancement, wall,
          enhancingSolidTissue, t2DarkDwiDark, dceAvailable, tic, nonDce);
    }

    public Findings withLipid(boolean v, boolean largeSolid) {
      return new Findings(examComplete, peritonealNodularity, physiologic, maxDiameterCm,
          premenopausal, v, largeSolid, structure, fluid, wallEnhancement, wall,
          enhancingSolidTissue, t2DarkDwiDark, dceAvailable, tic, nonDce);
    }

    public Findings withLesion(Structure s, Fluid f, boolean wallEnh, Wall w) {
      return new Findings(examComplete, peritonealNodularity, physiologic, maxDiameterCm,
          premenopausal, lipid, largeVolumeEnhancingSolidTissue, s, f, wallEnh, w,
          enhancingSolidTissue, t2DarkDwiDark, dceAvailable, tic, nonDce);
    }

    public Findings withSolid(boolean enh, boolean t2dwiDark, boolean dce, Tic t, NonDce nd) {
      return new Findings(examComplete, peritonealNodularity, physiologic, maxDiameterCm,
          premenopausal, lipid, largeVolumeEnhancingSolidTissue, structure, fluid, wallEnhancement,
          wall, enh, t2dwiDark, dce, t, nd);
    }
  }

  /**
   * A score with its risk band.
   *
   * @param rule the decision rule that fired, in words
   */
  public record Result(int score, String riskCategory, String ppv, String rule) {}

  private OradsMri() {}

  /** Risk category text for a score 0–5. */
  public static String riskCategory(int score) {
    return switch (score) {
      case 0 -> "Incomplete evaluation";
      case 1 -> "Normal ovaries";
      case 2 -> "Almost certainly benign";
      case 3 -> "Low risk";
      case 4 -> "Intermediate risk";
      case 5 -> "High risk";
      default -> throw new IllegalArgumentException("O-RADS MRI score must be 0-5: " + score);
    };
  }

  /** Positive predictive value for malignancy for a score (ACR). */
  public static String ppv(int score) {
    return switch (score) {
      case 0, 1 -> "n/a";
      case 2 -> "<0.5%";
      case 3 -> "~5%";
      case 4 -> "~50%";
      case 5 -> "~90%";
      default -> throw new IllegalArgumentException("O-RADS MRI score must be 0-5: " + score);
    };
  }

  private static Result r(int s, String rule) {
    return new Result(s, riskCategory(s), ppv(s), rule);
  }

  /** Scores one lesion. */
  public static Result score(Findings f) {
    if (!f.examComplete()) {
      return r(0, "incomplete or non-diagnostic exam");
    }
    if (f.peritonealNodularity()) {
      return r(5, "peritoneal/mesenteric/omental nodularity or irregular thickening");
    }
    if (f.structure() == Structure.NO_LESION) {
      return r(1, "no adnexal lesion");
    }
    if (f.premenopausal() && f.physiologic() != null && f.physiologic() != Physiologic.NONE
        && f.maxDiameterCm() <= 3) {
      return r(1, "premenopausal physiological finding <= 3 cm ("
          + f.physiologic().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    }
    if (f.lipid()) {
      return f.largeVolumeEnhancingSolidTissue()
          ? r(4, "lipid content with large-volume enhancing solid tissue")
          : r(2, "lipid content without large-volume enhancing solid tissue");
    }
    boolean solid = f.enhancingSolidTissue() || f.wall() == Wall.IRREGULAR;
    if (!solid) {
      Structure s = require(f.structure(), "lesion structure");
      switch (s) {
        case UNILOCULAR -> {
          if (!f.wallEnhancement()) {
            return r(2, "unilocular cyst without wall enhancement");
          }
          Fluid fl = require(f.fluid(), "fluid type");
          return switch (fl) {
            case SIMPLE, ENDOMETRIOTIC ->
                r(2, "unilocular cyst, smooth enhancing wall, simple or endometriotic fluid");
            case PROTEINACEOUS, HAEMORRHAGIC, MUCINOUS ->
                r(3, "unilocular cyst, smooth enhancing wall, proteinaceous/haemorrhagic/mucinous fluid");
            case LIPID -> throw new IllegalArgumentException(
                "fluid type 'lipid' contradicts lipid content = false; set lipid content");
          };
        }
        case MULTILOCULAR -> {
          return r(3, "multilocular cyst without enhancing solid tissue");
        }
        case DILATED_TUBE -> {
          boolean simple = require(f.fluid(), "fluid type") == Fluid.SIMPLE;
          Wall w = require(f.wall(), "wall");
          if (simple && w == Wall.THIN_SMOOTH) {
            return r(2, "dilated tube, simple fluid, thin smooth wall/folds");
          }
          if (!simple && w == Wall.THIN_SMOOTH) {
            return r(3, "dilated tube, non-simple fluid, thin smooth wall/folds");
          }
          if (simple && w == Wall.THICK_SMOOTH) {
            return r(3, "dilated tube, simple fluid, thick smooth wall/folds");
          }
          throw new IllegalArgumentException(
              "dilated tube with non-simple fluid AND a thick wall is not scored by the O-RADS MRI lexicon");
        }
        case PARAOVARIAN -> {
          if (require(f.wall(), "wall") == Wall.THIN_SMOOTH) {
            return r(2, "para-ovarian cyst, thin smooth wall");
          }
          throw new IllegalArgumentException(
              "para-ovarian cyst without a thin smooth wall is not scored by the O-RADS MRI lexicon");
        }
        case SOLID_PREDOMINANT -> throw new IllegalArgumentException(
            "solid-predominant lesion without enhancing solid tissue: check 'enhancing solid tissue'");
        default -> throw new IllegalStateException(s.name());
      }
    }
    if (f.t2DarkDwiDark()) {
      return r(2, "solid tissue homogeneously dark on T2 and high-b DWI");
    }
    if (f.dceAvailable()) {
      Tic t = f.tic();
      if (t == null) {
        throw new IllegalArgumentException(
            "enhancing solid tissue with DCE: the time-intensity curve type (low/intermediate/high) is required");
      }
      return switch (t) {
        case LOW -> r(3, "enhancing solid tissue, low-risk time-intensity curve");
        case INTERMEDIATE -> r(4, "enhancing solid tissue, intermediate-risk time-intensity curve");
        case HIGH -> r(5, "enhancing solid tissue, high-risk time-intensity curve");
      };
    }
    NonDce nd = f.nonDce();
    if (nd == null) {
      throw new IllegalArgumentException(
          "enhancing solid tissue without DCE: enhancement at 30-40 s vs outer myometrium is required");
    }
    return nd == NonDce.LESS_OR_EQUAL
        ? r(4, "enhancing solid tissue (non-DCE), enhancement <= myometrium at 30-40 s")
        : r(5, "enhancing solid tissue (non-DCE), enhancement > myometrium at 30-40 s");
  }

  private static <T> T require(T v, String what) {
    if (v == null) {
      throw new IllegalArgumentException("O-RADS MRI: '" + what + "' is required for this lesion");
    }
    return v;
  }
}
