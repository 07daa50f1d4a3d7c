package org.habitatj.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.habitatj.core.clinical.Cohort;
import org.habitatj.core.stats.RocComparison;
import org.habitatj.ij.ReportTables;
import org.habitatj.io.CohortCsv;
import org.habitatj.ui.ClinicalPlots;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * ROC curves of several score columns of a CSV against the outcome (e.g. a model's probability
 * and the O-RADS MRI score): AUC with DeLong 95% CI, Youden cut-off, and paired DeLong tests; with
 * a group column, each score's AUC compared between two groups of patients (unpaired DeLong).
 */
@Plugin(type = Command.class, headless = true, label = "Compare ROC Curves")
public class CompareRocCommand implements Command {
  @Parameter(label = "CSV file", persist = false, description = "one row per patient")
  private File csvFile;

  @Parameter(label = "Outcome column", persist = false)
  private String outcomeColumn = "malignant";

  @Parameter(label = "Score columns", persist = false,
      description = "comma-separated numeric columns; higher = more likely the outcome")
  private String scoreColumns = "";

  @Parameter(label = "ID column", required = false, persist = false)
  private String idColumn = "id";

  @Parameter(label = "Group column (unpaired)", required = false, persist = false,
      description = "optional: a column with exactly two values (e.g. training/validation); each "
          + "score's AUC is then compared between the two groups by an unpaired DeLong test")
  private String groupColumn = "";

  @Parameter(type = ItemIO.OUTPUT, label = "ROC")
  private ResultsTable results;

  @Parameter(type = ItemIO.OUTPUT, label = "ROC comparison")
  private ResultsTable comparison;

  @Parameter(type = ItemIO.OUTPUT, label = "ROC curves")
  private ImagePlus rocPlot;

  @Override
  public void run() {
    if (csvFile == null) {
      throw new IllegalArgumentException("choose a CSV file");
    }
    List<String> cols = TrainModelCommand.list(scoreColumns);
    if (cols.isEmpty()) {
      throw new IllegalArgumentException("give at least one score column");
    }
    String group = groupColumn == null ? "" : groupColumn.trim();
    String id = idColumn == null || idColumn.isBlank() ? null : idColumn.trim();
    if (!group.isEmpty() && (group.equals(outcomeColumn.trim()) || group.equals(id))) {
      throw new IllegalArgumentException("group column '" + group + "' is the "
          + (group.equals(id) ? "ID" : "outcome") + " column; give a column with two groups of "
          + "patients (e.g. cohort)");
    }
    Cohort c;
    try {
      c = CohortCsv.read(csvFile.toPath(), outcomeColumn.trim(),
          idColumn == null || idColumn.isBlank() ? null : idColumn.trim(),
          group.isEmpty() ? Set.of() : Set.of(group));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + csvFile + ": " + e.getMessage(), e);
    }
    List<double[]> scores = new ArrayList<>();
    for (String s : cols) {
      scores.add(c.numeric(s));
    }
    RocComparison.Result r = group.isEmpty()
        ? RocComparison.of(cols, scores, c.outcome(), 0.95)
        : RocComparison.byGroup(cols, scores, c.outcome(), c.categorical(group), 0.95);
    results = ReportTables.toResultsTable(r.aucs());
    comparison = ReportTables.toResultsTable(r.pairwise());
    // distinct titles: the scores, the grouping and the file (two runs on one file differ)
    String title = "ROC - " + String.join(", ", cols) + (group.isEmpty() ? "" : " by " + group)
        + " - " + csvFile.getName();
    rocPlot = ClinicalPlots.roc(title, r.rocs(), r.names()).getImagePlus();
  }
}
