package org.habitatj.commands;

import ij.measure.ResultsTable;
import org.habitatj.core.clinical.Roma;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * ROMA index (percent) from HE4 and CA125 with the risk class for the chosen assay platform's
 * cut-off. Maths in {@link Roma}.
 */
@Plugin(type = Command.class, headless = true, label = "ROMA Index")
public class RomaCommand implements Command {
  static final String FUJIREBIO = "Fujirebio HE4 EIA + ARCHITECT CA125 (13.1/27.7%)";
  static final String ROCHE = "Roche Elecsys (11.4/29.9%)";
  static final String ABBOTT = "Abbott ARCHITECT (7.4/25.3%, unverified)";

  @Parameter(label = "HE4 (pmol/L)", min = "0", description = "serum HE4 in pmol/L (> 0)", persist = false)
  private double he4 = Double.NaN;

  @Parameter(label = "CA125 (U/mL)", min = "0", description = "serum CA125 in U/mL (> 0)", persist = false)
  private double ca125 = Double.NaN;

  @Parameter(label = "Menopausal status", choices = {"premenopausal", "postmenopausal"},
      description = "postmenopausal: > 12 months of amenorrhoea, or age > 50 if history unreliable", persist = false)
  private String menopause = "premenopausal";

  @Parameter(label = "Assay platform", choices = {FUJIREBIO, ROCHE, ABBOTT},
      description = "sets the ROMA cut-offs (high risk if ROMA >= cut-off)", persist = false)
  private String platform = FUJIREBIO;

  @Parameter(type = ItemIO.OUTPUT, label = "ROMA (%)")
  private Double roma;

  @Parameter(type = ItemIO.OUTPUT, label = "Predictive index")
  private Double predictiveIndex;

  @Parameter(type = ItemIO.OUTPUT, label = "Cut-off (%)")
  private Double cutoff;

  @Parameter(type = ItemIO.OUTPUT, label = "Risk class")
  private String riskClass;

  @Parameter(type = ItemIO.OUTPUT, label = "Platform")
  private String platformName;

  @Parameter(type = ItemIO.OUTPUT, label = "ROMA")
  private ResultsTable results;

  static Roma.Platform platformOf(String choice) {
    if (choice == null || choice.startsWith("Fujirebio")) {
      return Roma.FUJIREBIO;
    }
    return Roma.platform(choice.split(" ")[0]);
  }

  @Override
  public void run() {
    Roma.Result r = Roma.evaluate(he4, ca125, Roma.Menopause.parse(menopause), platformOf(platform));
    roma = r.romaPercent();
    predictiveIndex = r.predictiveIndex();
    cutoff = r.cutoffPercent();
    riskClass = r.riskLabel();
    platformName = r.platform().name();
    results = new ResultsTable();
    results.incrementCounter();
    results.addValue("HE4 (pmol/L)", he4);
    results.addValue("CA125 (U/mL)", ca125);
    results.addValue("Menopausal status", menopause);
    results.addValue("PI", r.predictiveIndex());
    results.addValue("ROMA (%)", r.romaPercent());
    results.addValue("Cut-off (%)", r.cutoffPercent());
    results.addValue("Risk", r.riskLabel());
    results.addValue("Platform", r.platform().name());
    results.addValue("Warnings", String.join("; ", r.warnings()));
  }
}
