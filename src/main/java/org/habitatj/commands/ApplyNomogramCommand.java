package org.habitatj.commands;

import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.clinical.Cohort;
import org.habitatj.core.clinical.NomogramModel;
import org.habitatj.io.CohortCsv;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Applies a nomogram model (default: the bundled ILLUSTRATIVE model) to one patient's values or to
 * every row of a CSV: probability, risk class and points per term ({@link NomogramModel#apply}).
 */
@Plugin(type = Command.class, headless = true, label = "Apply Nomogram")
public class ApplyNomogramCommand implements Command {
  static final String NOTE = "Without a model file the bundled model is used: it is ILLUSTRATIVE, "
      + "fitted on SYNTHETIC data, NOT the published model. Train your own with Train Model.";

  @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
  private String note = NOTE;

  @Parameter(label = "Model file", required = false,
      description = "JSON model from Train Model; empty = bundled illustrative model", persist = false)
  private File modelFile;

  @Parameter(label = "Patient values", required = false,
      description = "one patient: term=value pairs separated by ';' or ','", persist = false)
  private String values = "ROMA=30; composition=solid; combined_ITH=0.5";

  @Parameter(label = "Cohort CSV", required = false,
      description = "optional: apply to every row of this CSV (columns named as the model terms)", persist = false)
  private File cohortCsv;

  @Parameter(label = "ID column", required = false, persist = false)
  private String idColumn = "id";

  @Parameter(type = ItemIO.OUTPUT, label = "Probability")
  private Double probability;

  @Parameter(type = ItemIO.OUTPUT, label = "Risk class")
  private String riskClass;

  @Parameter(type = ItemIO.OUTPUT, label = "Total points")
  private Double totalPoints;

  @Parameter(type = ItemIO.OUTPUT, label = "Nomogram predictions")
  private ResultsTable results;

  @Parameter(type = ItemIO.OUTPUT, label = "Model provenance")
  private String provenance;

  static NomogramModel model(File f) {
    if (f == null || f.getPath().isBlank()) {
      return NomogramModel.bundled();
    }
    try {
      return NomogramModel.read(f.toPath());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model file " + f + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Object> parseValues(String s) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (s == null) {
      return m;
    }
    for (String part : s.split("[;,]")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("patient values: '" + part.trim()
            + "' is not of the form term=value");
      }
      m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return m;
  }

  @Override
  public void run() {
    NomogramModel m = model(modelFile);
    provenance = m.provenance();
    results = new ResultsTable();
    if (cohortCsv != null && !cohortCsv.getPath().isBlank()) {
      Cohort c;
      String id = idColumn == null || idColumn.isBlank() ? null : idColumn.trim();
      try {
        c = CohortCsv.read(cohortCsv.toPath(), m.outcome(), id, java.util.Set.of());
      } catch (IllegalArgumentException e) {
        if (!e.getMessage().contains("outcome column")) {
          throw e;
        }
        throw new IllegalArgumentException(e.getMessage() + " (the CSV needs the outcome column '"
            + m.outcome() + "'; use 0 where unknown)", e);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + cohortCsv + ": " + e.getMessage(), e);
      }
      String[] ids = c.ids();
      NomogramModel.Prediction last = null;
      for (int i = 0; i < c.size(); i++) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (NomogramModel.Term t : m.terms()) {
          Object o = c.value(t.name(), i);
          if (o == null) {
            throw new IllegalArgumentException(cohortCsv.getName() + ": " + ids[i] + ", column '"
                + t.name() + "': missing value");
          }
          v.put(t.name(), o);
        }
        last = m.apply(v);
        addRow(m, ids[i], v, last);
      }
      probability = last.probability();
      riskClass = last.riskClass();
      totalPoints = last.totalPoints();
    } else {
      Map<String, Object> v = parseValues(values);
      List<String> unused = new java.util.ArrayList<>(v.keySet());
      m.terms().forEach(t -> unused.remove(t.name()));
      if (!unused.isEmpty()) {
        ij.IJ.log("Apply Nomogram: " + String.join(", ", unused) + " not used: the model's terms"
            + " are " + m.terms().stream().map(NomogramModel.Term::name).toList());
      }
      NomogramModel.Prediction p = m.apply(v);
      addRow(m, "patient", v, p);
      probability = p.probability();
      riskClass = p.riskClass();
      totalPoints = p.totalPoints();
    }
  }

  private void addRow(NomogramModel m, String id, Map<String, Object> v,
      NomogramModel.Prediction p) {
    results.incrementCounter();
    results.addValue("Id", id);
    for (var e : p.points().entrySet()) {
      Object val = v.get(e.getKey());
      Double num = val instanceof Number n ? n.doubleValue() : null;
      if (num == null && m.term(e.getKey()).type() == NomogramModel.Type.CONTINUOUS) {
        num = Double.parseDouble(String.valueOf(val).trim()); // validated by apply()
      }
      if (num != null) {
        results.addValue(e.getKey(), num);
      } else {
        results.addValue(e.getKey(), String.valueOf(val));
      }
      results.addValue(e.getKey() + " points", e.getValue());
    }
    results.addValue("Total points", p.totalPoints());
    results.addValue("Linear predictor", p.linearPredictor());
    results.addValue("Probability", p.probability());
    results.addValue("Risk class", p.riskClass());
    results.addValue("Warnings", String.join("; ", p.warnings()));
  }
}
