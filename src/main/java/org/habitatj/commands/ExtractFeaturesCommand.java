package org.habitatj.commands;

import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.Version;
import org.habitatj.core.features.FeatureExtractor;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.PipelineInputs;
import org.habitatj.ij.PipelineOutputs;
import org.habitatj.ij.Tables;
import org.habitatj.io.CsvTable;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Whole-ROI radiomics features (PyRadiomics names and definitions) of one case: a ResultsTable row
 * with the case, diagnostics and features, optionally written as CSV. Settings come from a
 * PyRadiomics YAML parameter file when given, else from the bin width field.
 */
@Plugin(type = Command.class, headless = true, label = "Extract Radiomics Features")
public class ExtractFeaturesCommand extends ImageMaskCommand {

  @Parameter(label = "Settings file", required = false,
      description = "PyRadiomics YAML parameter file; when given, bin width is ignored")
  private File settingsFile;

  @Parameter(label = "Bin width", min = "0", description = "fixed bin width (intensity units)")
  private double binWidth = 25;

  @Parameter(label = "Case ID", required = false,
      description = "defaults to the image file's folder name (as Run ITH Pipeline)")
  private String caseId = "";

  @Parameter(label = "Output CSV", required = false, style = FileWidget.SAVE_STYLE,
      description = "optional: write the row to this CSV file (and <name>_settings.json)")
  private File outputCsv;

  @Parameter(label = "Replace an earlier CSV", required = false,
      description = "otherwise an existing output CSV or its settings file is refused")
  private boolean overwrite = false;

  @Parameter(type = ItemIO.OUTPUT, label = "Results")
  private ResultsTable results;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    takeLabelFrom(settingsFile, notes);
    ImageInputs.SelectedMask sel = selectMask(img, notes);
    Mask mask = sel.mask();
    if (ImageInputs.present(outputCsv) && !overwrite) { // refused before the work
      for (Path p : List.of(outputCsv.toPath(), settingsJson(outputCsv.toPath()))) {
        if (Files.exists(p)) {
          throw new IllegalArgumentException(p + " already exists; choose another output CSV, or"
              + " set overwrite (Replace an earlier CSV) to replace it");
        }
      }
    }
    RadiomicsSettings settings;
    if (ImageInputs.present(settingsFile)) {
      try {
        PyRadiomicsParams.Parsed parsed = PyRadiomicsParams.read(settingsFile.toPath());
        notes.addAll(parsed.warnings());
        settings = parsed.settings();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read settings file " + settingsFile + ": "
            + e.getMessage(), e);
      }
    } else {
      settings = RadiomicsSettings.builder().binWidth(binWidth).build();
    }
    FeatureExtractor.Result r = new FeatureExtractor(settings)
        .extract(img, mask, IjProgress.create("Extract Radiomics Features"));
    notes.addAll(r.warnings());
    LinkedHashMap<String, String> row = new LinkedHashMap<>();
    row.put("case_id", caseId != null && !caseId.isBlank() ? caseId : defaultCaseId());
    row.put("habitatj_version", Version.VERSION);
    row.putAll(r.asRow());
    row.put("warnings", String.join("; ", notes));
    if (ImageInputs.present(outputCsv)) {
      try {
        CsvTable.write(outputCsv.toPath(), List.of(row));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("habitatj_version", Version.VERSION);
        m.put("radiomics", settings.toSettingsMap());
        Map<String, Object> in = new LinkedHashMap<>(inputs(sel).toMap());
        in.put("settings_file", ImageInputs.present(settingsFile)
            ? PipelineInputs.path(settingsFile) : null);
        m.put("inputs", in);
        PipelineOutputs.writeSettings(settingsJson(outputCsv.toPath()), row.get("case_id"), m,
            notes);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write " + outputCsv + ": " + e.getMessage(), e);
      }
    }
    results = Tables.of(List.of(row));
    notes.forEach(n -> ij.IJ.log("Extract Radiomics Features: " + n)); // as the other commands
  }

  /**
   * The settings JSON written next to an output CSV: {@code features.csv} gives {@code
   * features_settings.json} (settings, inputs and notes of the run).
   */
  public static Path settingsJson(Path csv) {
    String n = csv.getFileName().toString().replaceAll("(?i)\\.csv$", "");
    return csv.resolveSibling(n + "_settings.json");
  }

}
