package org.habitatj.commands;

import ij.measure.ResultsTable;
import java.util.Locale;
import org.habitatj.core.clinical.OradsMri;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** O-RADS MRI risk score (0-5) of one adnexal lesion from the lexicon findings; see {@link OradsMri}. */
@Plugin(type = Command.class, headless = true, label = "O-RADS MRI Score")
public class OradsMriCommand implements Command {
  @Parameter(label = "Exam complete and diagnostic", persist = false)
  private boolean examComplete = true;

  @Parameter(label = "Peritoneal/omental nodularity or irregular thickening", persist = false)
  private boolean peritonealNodularity = false;

  @Parameter(label = "Lesion", choices = {"unilocular", "multilocular", "solid_predominant",
      "dilated_tube", "paraovarian", "no_lesion"}, persist = false)
  private String structure = "unilocular";

  @Parameter(label = "Physiological finding", choices = {"none", "follicle", "corpus_luteum",
      "haemorrhagic_cyst"}, persist = false)
  private String physiologic = "none";

  @Parameter(label = "Maximum diameter (cm)", min = "0", persist = false)
  private double diameterCm = 0;

  @Parameter(label = "Premenopausal", persist = false)
  private boolean premenopausal = false;

  @Parameter(label = "Lipid content (fat signal loss)", persist = false)
  private boolean lipid = false;

  @Parameter(label = "Large-volume enhancing solid tissue (with lipid)", persist = false)
  private boolean largeVolumeSolidTissue = false;

  @Parameter(label = "Fluid", choices = {"simple", "endometriotic", "haemorrhagic",
      "proteinaceous", "mucinous", "lipid"}, persist = false)
  private String fluid = "simple";

  @Parameter(label = "Wall enhancement", persist = false)
  private boolean wallEnhancement = false;

  @Parameter(label = "Wall", choices = {"thin_smooth", "thick_smooth", "irregular"}, persist = false)
  private String wall = "thin_smooth";

  @Parameter(label = "Enhancing solid tissue", persist = false)
  private boolean enhancingSolidTissue = false;

  @Parameter(label = "Solid tissue dark on T2 and on high-b DWI", persist = false)
  private boolean t2DarkDwiDark = false;

  @Parameter(label = "DCE available", persist = false)
  private boolean dceAvailable = true;

  @Parameter(label = "Time-intensity curve (DCE)", choices = {"not_assessed", "low",
      "intermediate", "high"}, persist = false)
  private String tic = "not_assessed";

  @Parameter(label = "Non-DCE enhancement at 30-40 s vs myometrium",
      choices = {"not_assessed", "less_or_equal", "greater"}, persist = false)
  private String nonDce = "not_assessed";

  @Parameter(type = ItemIO.OUTPUT, label = "O-RADS MRI score")
  private Integer score;

  @Parameter(type = ItemIO.OUTPUT, label = "Risk category")
  private String riskCategory;

  @Parameter(type = ItemIO.OUTPUT, label = "PPV for malignancy")
  private String ppv;

  @Parameter(type = ItemIO.OUTPUT, label = "Rule")
  private String rule;

  @Parameter(type = ItemIO.OUTPUT, label = "O-RADS MRI")
  private ResultsTable results;

  private static <E extends Enum<E>> E parse(Class<E> c, String v) {
    if (v == null || v.equals("not_assessed")) {
      return null;
    }
    try {
      return Enum.valueOf(c, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + c.getSimpleName() + " '" + v + "'");
    }
  }

  @Override
  public void run() {
    OradsMri.Findings f = new OradsMri.Findings(examComplete, peritonealNodularity,
        parse(OradsMri.Physiologic.class, physiologic), diameterCm, premenopausal, lipid,
        largeVolumeSolidTissue, parse(OradsMri.Structure.class, structure),
        parse(OradsMri.Fluid.class, fluid), wallEnhancement, parse(OradsMri.Wall.class, wall),
        enhancingSolidTissue, t2DarkDwiDark, dceAvailable, parse(OradsMri.Tic.class, tic),
        parse(OradsMri.NonDce.class, nonDce));
    OradsMri.Result r = OradsMri.score(f);
    score = r.score();
    riskCategory = r.riskCategory();
    ppv = r.ppv();
    rule = r.rule();
    results = new ResultsTable();
    results.incrementCounter();
    results.addValue("O-RADS MRI", r.score());
    results.addValue("Risk category", r.riskCategory());
    results.addValue("PPV", r.ppv());
    results.addValue("Rule", r.rule());
  }
}
