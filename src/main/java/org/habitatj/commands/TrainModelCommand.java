package org.habitatj.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.habitatj.core.clinical.Cohort;
import org.habitatj.core.clinical.ModelTrainer;
import org.habitatj.core.clinical.TumourComposition;
import org.habitatj.core.stats.Univariable;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ReportTables;
import org.habitatj.io.CohortCsv;
import org.habitatj.ui.ClinicalPlots;
import org.habitatj.ui.NomogramDrawing;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains a logistic nomogram model from a cohort CSV (split, screening, LASSO, multivariable
 * logistic regression, evaluation) and writes the model file; pipeline in {@link ModelTrainer}.
 * The split is seeded stratified random, or predefined by a split column (macro keys
 * {@code split_column}, {@code training_value}); the split column is never a predictor.
 */
@Plugin(type = Command.class, headless = true, label = "Train Model")
public class TrainModelCommand implements Command {
  @Parameter(label = "Cohort CSV", description = "one row per patient, header row, outcome 0/1", persist = false)
  private File cohortCsv;

  @Parameter(label = "Outcome column", description = "1 = event (e.g. malignant), 0 = no event", persist = false)
  private String outcomeColumn = "malignant";

  @Parameter(label = "ID column", required = false, description = "patient id column (optional)", persist = false)
  private String idColumn = "id";

  @Parameter(label = "Predictors", required = false,
      description = "comma-separated candidate columns; empty = all columns except outcome and id", persist = false)
  private String predictors = "ROMA, composition, combined_ITH";

  @Parameter(label = "Categorical columns", required = false,
      description = "comma-separated columns treated as categorical (text columns always are)", persist = false)
  private String categoricalColumns = "composition";

  @Parameter(label = "Composition coding", choices = {"indicator", "ordinal"}, persist = false)
  private String compositionCoding = "indicator";

  @Parameter(label = "Composition reference level", choices = {"cystic", "cystic-solid", "solid"}, persist = false)
  private String compositionReference = "cystic";

  @Parameter(label = "Split column", required = false, persist = false,
      description = "optional: a column with exactly two values giving a predefined training/test "
          + "split (e.g. cohort = training / validation); empty = seeded random stratified split")
  private String splitColumn = "";

  @Parameter(label = "Training value", required = false, persist = false,
      description = "the split column's value marking training rows (e.g. training); the other "
          + "value is the test set; empty = the value in the first data row")
  private String trainingValue = "";

  @Parameter(label = "Training fraction", min = "0.1", max = "0.95", persist = false,
      description = "random split only (ignored with a split column)")
  private double trainFraction = 0.7;

  @Parameter(label = "Random seed", persist = false,
      description = "random split and LASSO cross-validation folds")
  private int seed = 42;

  @Parameter(label = "Univariable screening", persist = false)
  private boolean screening = true;

  @Parameter(label = "Screening p threshold", min = "0", max = "1", persist = false)
  private double screeningP = 0.05;

  @Parameter(label = "Continuous test", choices = {"Mann-Whitney", "Welch t-test"}, persist = false)
  private String continuousTest = "Mann-Whitney";

  @Parameter(label = "LASSO selection", persist = false)
  private boolean lasso = true;

  @Parameter(label = "LASSO lambda", choices = {"lambda.1se", "lambda.min"}, persist = false)
  private String lambdaRule = "lambda.1se";

  @Parameter(label = "CV folds", min = "3", persist = false)
  private int folds = 10;

  @Parameter(label = "Model name", required = false, persist = false)
  private String modelName = "Combined model";

  @Parameter(label = "Model file", style = FileWidget.SAVE_STYLE,
      description = "JSON model file to write (an existing file is not overwritten)", persist = false)
  private File modelFile;

  @Parameter(label = "Report folder", required = false, style = FileWidget.DIRECTORY_STYLE,
      persist = false, description = "optional: write every report table there as CSV and the ROC, "
          + "calibration, decision-curve and nomogram images as PNG (new files only)")
  private File reportFolder;

  @Parameter(type = ItemIO.OUTPUT, label = "Univariable")
  private ResultsTable univariable;

  @Parameter(type = ItemIO.OUTPUT, label = "LASSO path")
  private ResultsTable lassoPath;

  @Parameter(type = ItemIO.OUTPUT, label = "Multivariable")
  private ResultsTable multivariable;

  @Parameter(type = ItemIO.OUTPUT, label = "Performance")
  private ResultsTable performance;

  @Parameter(type = ItemIO.OUTPUT, label = "Decision curve")
  private ResultsTable decisionCurve;

  @Parameter(type = ItemIO.OUTPUT, label = "ROC")
  private ImagePlus rocPlot;

  @Parameter(type = ItemIO.OUTPUT, label = "Calibration")
  private ImagePlus calibrationPlot;

  @Parameter(type = ItemIO.OUTPUT, label = "Decision curves")
  private ImagePlus decisionPlot;

  @Parameter(type = ItemIO.OUTPUT, label = "Nomogram")
  private ImagePlus nomogram;

  @Parameter(type = ItemIO.OUTPUT, label = "Model summary")
  private String summary;

  static List<String> list(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private java.nio.file.Path reportFile(String base, String name) {
    java.nio.file.Path f = reportFolder.toPath().resolve(
        base + "_" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'));
    if (java.nio.file.Files.exists(f)) {
      throw new IllegalArgumentException("report file " + f + " already exists; not overwritten");
    }
    return f;
  }

  /** Report tables as CSV, then the plots as PNG (FileSaver: no window, works headless). */
  private void writeReports(ModelTrainer.Result r) {
    String base = modelFile.getName().replaceAll("(?i)\\.json$", "");
    List<org.habitatj.core.stats.Table> tables = r.tables();
    String[] pngs = {"roc.png", "calibration.png", "decision_curve.png", "nomogram.png"};
    ImagePlus[] plots = {rocPlot, calibrationPlot, decisionPlot, nomogram};
    List<java.nio.file.Path> files = new ArrayList<>(); // all checked before anything is written
    tables.forEach(t -> files.add(reportFile(base, t.title() + ".csv")));
    Arrays.stream(pngs).forEach(n -> files.add(reportFile(base, n)));
    try {
      java.nio.file.Files.createDirectories(reportFolder.toPath());
      for (int i = 0; i < tables.size(); i++) {
        java.nio.file.Files.writeString(files.get(i), tables.get(i).toCsv(),
            java.nio.charset.StandardCharsets.UTF_8);
      }
      for (int i = 0; i < plots.length; i++) {
        java.nio.file.Path f = files.get(tables.size() + i);
        if (!new ij.io.FileSaver(plots[i]).saveAsPng(f.toString())) {
          throw new IOException("cannot write " + f);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write reports to " + reportFolder + ": "
          + e.getMessage(), e);
    }
  }

  /** The CSV's column names (first record). */
  private static List<String> header(File csv) {
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(csv.toPath())) {
      return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
          .setSkipHeaderRecord(true).get().parse(r).getHeaderNames().stream().map(String::trim)
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // CohortCsv.read reports the problem with its own message
    }
  }

  @Override
  public void run() {
    if (cohortCsv == null) {
      throw new IllegalArgumentException("choose a cohort CSV file");
    }
    if (modelFile == null) {
      throw new IllegalArgumentException("choose a model file to write");
    }
    if (modelFile.exists()) {
      throw new IllegalArgumentException("model file " + modelFile + " already exists; choose a new name");
    }
    Set<String> cat = new LinkedHashSet<>(list(categoricalColumns));
    if (list(predictors).isEmpty()) {
      // "all columns": a categorical column the CSV does not have (e.g. the default composition)
      // is simply not there to use; one that is listed as a predictor must exist
      cat.retainAll(header(cohortCsv));
    }
    String id = idColumn == null || idColumn.isBlank() ? null : idColumn.trim();
    Cohort c;
    try {
      c = CohortCsv.read(cohortCsv.toPath(), outcomeColumn.trim(), id, cat);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + cohortCsv + ": " + e.getMessage(), e);
    }
    String split = splitColumn == null || splitColumn.isBlank() ? null : splitColumn.trim();
    if (split != null && (split.equals(outcomeColumn.trim()) || split.equals(id))) {
      throw new IllegalArgumentException("split column '" + split + "' is the "
          + (split.equals(id) ? "ID" : "outcome") + " column; give a column that tells "
          + "training from validation patients (e.g. cohort)");
    }
    List<String> preds = new ArrayList<>(list(predictors).isEmpty() ? c.columns() : list(predictors));
    if (split != null && list(predictors).isEmpty()) {
      preds.remove(split); // "all columns" never includes the split column
    }
    cat.retainAll(preds);
    ModelTrainer.Settings s = ModelTrainer.Settings.defaults(preds, cat)
        .withSeed(seed)
        .withTrainFraction(trainFraction)
        .withSplitColumn(split, trainingValue)
        .withCompositionCoding(new TumourComposition.Coding(
            compositionCoding.equals("ordinal") ? TumourComposition.Scheme.ORDINAL
                : TumourComposition.Scheme.INDICATOR, TumourComposition.parse(compositionReference)))
        .withScreening(screening, screeningP, continuousTest.startsWith("Welch")
            ? Univariable.ContinuousTest.WELCH_T : Univariable.ContinuousTest.MANN_WHITNEY)
        .withLasso(lasso, lambdaRule.equals("lambda.min") ? ModelTrainer.LambdaRule.MIN
            : ModelTrainer.LambdaRule.ONE_SE, folds)
        .withMetadata(modelName, "Trained by HabitatJ Train Model on " + cohortCsv.getName()
            + " (" + c.size() + " patients in the file, training and test sets together; "
            + "outcome '" + outcomeColumn + "', "
            + (split == null ? "seed " + seed : "split column '" + split + "'") + ")",
            java.time.LocalDate.now().toString(), Map.of());
    ModelTrainer.Result r = ModelTrainer.train(c, s, IjProgress.create("Train Model"));
    univariable = ReportTables.toResultsTable(r.table("Univariable"));
    lassoPath = r.cv() == null ? new ResultsTable() : ReportTables.toResultsTable(r.table("LASSO"));
    multivariable = ReportTables.toResultsTable(r.table("Multivariable"));
    performance = ReportTables.toResultsTable(r.table("Performance"));
    decisionCurve = ReportTables.toResultsTable(r.table("Decision curve"));
    List<String> names = new ArrayList<>(List.of("Training"));
    List<ModelTrainer.Evaluation> ev = new ArrayList<>(List.of(r.train()));
    if (r.test() != null) {
      names.add("Test");
      ev.add(r.test());
    }
    rocPlot = ClinicalPlots.roc("ROC - " + modelName,
        ev.stream().map(ModelTrainer.Evaluation::roc).toList(), names).getImagePlus();
    calibrationPlot = ClinicalPlots.calibration("Calibration - " + modelName,
        ev.stream().map(ModelTrainer.Evaluation::calibration).toList(), names).getImagePlus();
    decisionPlot = ClinicalPlots.decisionCurve("Decision curves - " + modelName,
        ev.stream().map(ModelTrainer.Evaluation::decisionCurve).toList(), names).getImagePlus();
    nomogram = NomogramDrawing.draw(r.model(), 1000);
    if (reportFolder != null && !reportFolder.getPath().isBlank()) {
      writeReports(r); // first: a refused report file leaves no model file behind either
    }
    try {
      r.model().write(modelFile.toPath(), false);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + modelFile + ": " + e.getMessage(), e);
    }
    summary = r.splitDescription() + "; selected " + r.selected() + "; training AUC "
        + String.format(java.util.Locale.ROOT, "%.3f", r.train().roc().auc())
        + (r.test() == null ? "" : String.format(java.util.Locale.ROOT, ", test AUC %.3f",
            r.test().roc().auc()))
        + "; model written to " + modelFile + (r.notes().isEmpty() ? "" : "; " + r.notes());
  }
}
