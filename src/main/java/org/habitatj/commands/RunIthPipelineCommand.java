package org.habitatj.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.clinical.TumourComposition;
import org.habitatj.core.habitat.HabitatClustering;
import org.habitatj.core.habitat.IthPipeline;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.PipelineInputs;
import org.habitatj.ij.PipelineOutputs;
import org.habitatj.ij.Tables;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * The main HabitatJ job on one case ({@link CasePipeline}): whole-ROI features, peritumoral ring,
 * feature maps, habitats, ITH and combined ITH scores, and the bundled (illustrative) nomogram's
 * probability when ROMA and composition are given. Outputs a results row and the habitat overlay;
 * with an output folder also writes results.csv, habitat maps and ring mask (NIfTI + TIFF),
 * overlay.png and settings.json ({@link PipelineOutputs}).
 */
@Plugin(type = Command.class, headless = true, label = "Run ITH Pipeline")
public class RunIthPipelineCommand extends ImageMaskCommand {

  @Parameter(label = "Settings file", required = false,
      description = "PyRadiomics YAML; when given, bin width is ignored")
  private File settingsFile;
  @Parameter(label = "Bin width", min = "0")
  private double binWidth = 25;
  @Parameter(label = "Ring width (mm)", min = "0", description = "0 = no ring")
  private double ringMm = 3;
  @Parameter(label = "Habitats K", min = "2", max = "20")
  private int habitats = 6;
  @Parameter(label = "K selection", choices = {"fixed", "calinski-harabasz", "silhouette"},
      description = "fixed = K above; otherwise the best K in 3..9")
  private String kSelection = "fixed";
  @Parameter(label = "Random seed")
  private long seed = 0;
  @Parameter(label = "Window radius (voxels)", min = "1", description = "1 = 3x3, 2 = 5x5 "
      + "(ITHscore package)")
  private int windowRadius = 2;
  @Parameter(label = "Windows inside ROI", description = "on: only ROI voxels count in a window "
      + "(PyRadiomics maskedKernel); off: whole windows (ITHscore package)")
  private boolean maskedWindow = false;
  @Parameter(label = "Bins per window", description = "grey levels per window (ITHscore package); "
      + "off: once over the ROI (PyRadiomics voxel-based)")
  private boolean binsPerWindow = true;
  @Parameter(label = "Map families", description = "comma-separated: firstorder, glcm, glrlm, "
      + "glszm, gldm, ngtdm")
  private String mapFamilies = "firstorder,glcm,glrlm,glszm,gldm,ngtdm";
  @Parameter(label = "All slices", description = "habitats on every slice (3D) instead of the "
      + "largest-area slice (ITHscore)")
  private boolean allSlices = false;
  @Parameter(label = "ROMA (%)", required = false, description = "empty = no nomogram")
  private String roma = "";
  @Parameter(label = "Composition", choices = {"none", "cystic", "cystic-solid", "solid"})
  private String composition = "none";
  @Parameter(label = "Case ID", required = false, description = "defaults to the image file's "
      + "folder name (STS_008/MR_T1_image.nii.gz gives STS_008), or the open image's title")
  private String caseId = "";
  @Parameter(label = "Output folder", required = false, style = FileWidget.DIRECTORY_STYLE)
  private File outputDir;
  @Parameter(label = "Replace earlier results", description = "a folder that already holds "
      + "results.csv or settings.json is refused unless this is on; when on, the earlier run's "
      + "HabitatJ files are replaced and the ones this run does not write are removed")
  private boolean overwrite = false;

  @Parameter(type = ItemIO.OUTPUT, label = "Results")
  private ResultsTable results;
  @Parameter(type = ItemIO.OUTPUT, label = "Habitat overlay")
  private ImagePlus overlay;

  private List<String> lastNotes = List.of();

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    takeLabelFrom(settingsFile, notes);
    ImageInputs.SelectedMask sel = selectMask(img, notes);
    String id = defaultCaseId();
    List<Path> files = new ArrayList<>();
    if (ImageInputs.present(imageFile)) {
      files.add(imageFile.toPath());
    }
    if (ImageInputs.MASK_FILE.equalsIgnoreCase(maskSource) && ImageInputs.present(maskFile)) {
      files.add(maskFile.toPath());
    }
    runOn(img, sel.mask(), notes, inputs(sel), id, files);
    // the menu/macro route says its notes in the Log, as the other commands (the command line
    // prints them to stderr itself); they are also in results.csv's warnings and settings.json
    lastNotes.forEach(n -> IJ.log("Run ITH Pipeline: " + n));
  }

  /**
   * Runs the pipeline with this command's settings on an image and ROI the caller has loaded (the
   * command line loads DICOM, TIFF, float masks, resampled masks, ...); {@link #run()} is this
   * after loading the command's own image and mask inputs. Sets the outputs ({@link #results()},
   * {@link #overlay()}) and writes the output folder when one is set.
   *
   * @param img calibrated image
   * @param mask the ROI on the image grid
   * @param notes notes of the loading (reader notes, label choice), in order; the run's notes are
   *     added after them, and all go to settings.json "notes" and the results' warnings column
   * @param inputs the record of the inputs for settings.json
   * @param defaultId case id when the {@code case_id} setting is empty
   * @param inputFiles files read for this case, never overwritten
   * @throws IllegalArgumentException for a bad setting, an unusable ROI or an unwritable folder
   */
  public void runOn(Volume img, Mask mask, List<String> notes, PipelineInputs inputs,
      String defaultId, List<Path> inputFiles) {
    notes = new ArrayList<>(notes);
    RadiomicsSettings rs = RadiomicsSettings.builder().binWidth(binWidth).build();
    if (ImageInputs.present(settingsFile)) {
      try {
        PyRadiomicsParams.Parsed p = PyRadiomicsParams.read(settingsFile.toPath());
        rs = p.settings();
        notes.addAll(p.warnings());
      } catch (IOException e) {
        throw ImageInputs.readError("settings", settingsFile, e);
      }
    }
    CasePipeline.Settings d = CasePipeline.Settings.defaults();
    IthPipeline.Options io = d.habitats();
    HabitatClustering.KSelection sel = HabitatClustering.KSelection.byName(kSelection);
    HabitatClustering.Options co = io.clustering().withK(habitats).withSeed(seed)
        .withSelection(sel, io.clustering().kMin(), io.clustering().kMax());
    CasePipeline.Settings s = new CasePipeline.Settings(rs, ringMm, d.ringMode(), !allSlices,
        d.kernel(), windowRadius, maskedWindow, binsPerWindow ? MapDiscretization.PER_WINDOW
            : MapDiscretization.WHOLE_ROI_ONCE, Arrays.stream(mapFamilies.split("[,\\s]+"))
            .filter(x -> !x.isBlank()).toList(),
        // habitats on every slice: regions are 3D (26-connectivity); counting them slice by slice
        // and pooling the slices would drive the score towards 1
        new IthPipeline.Options(io.standardization(), co, allSlices
            ? org.habitatj.core.ith.IthScore.Options.of(
                org.habitatj.core.ith.Connectivity.TWENTY_SIX) : io.ith()), d.threads());
    Double romaValue = roma == null || roma.isBlank() ? null : parseRoma(roma);
    CasePipeline.Clinical clin = new CasePipeline.Clinical(romaValue,
        composition == null || composition.equals("none") ? null
            : TumourComposition.parse(composition));
    if (ImageInputs.present(outputDir) && Files.isRegularFile(outputDir.toPath())) {
      throw new IllegalArgumentException("cannot write to " + outputDir
          + ": it is a file, not a folder"); // refused before the work
    }
    if (ImageInputs.present(outputDir) && !overwrite) {
      List<String> found = PipelineOutputs.existingResults(outputDir.toPath());
      if (!found.isEmpty()) {
        // refused before the work, not after it
        throw new IllegalArgumentException("the output folder " + outputDir + " already holds "
            + "HabitatJ results (" + String.join(", ", found) + "); choose another output "
            + "folder, or set overwrite (Replace earlier results) to replace them");
      }
    }
    CasePipeline.Result res = CasePipeline.run(img, mask, s, clin,
        IjProgress.create("Run ITH Pipeline"));
    res.notes().addAll(0, notes);
    String id = caseId != null && !caseId.isBlank() ? caseId : defaultId;
    if (ImageInputs.present(outputDir)) {
      Map<String, Object> settingsMap = new LinkedHashMap<>(s.toMap());
      Map<String, Object> in = new LinkedHashMap<>(inputs.toMap());
      in.put("settings_file", ImageInputs.present(settingsFile)
          ? PipelineInputs.path(settingsFile) : null);
      in.put("roma", romaValue);
      in.put("composition", composition);
      settingsMap.put("inputs", in);
      try {
        PipelineOutputs.write(outputDir.toPath(), id, img, res, settingsMap, inputFiles,
            overwrite);
      } catch (IOException e) {
        String why = e.getMessage() == null || e.getMessage().equals(outputDir.toString())
            ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileAlreadyExistsException
            || Files.isRegularFile(outputDir.toPath())) {
          why = "it is a file, not a folder";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
          why = "permission denied";
        }
        throw new IllegalArgumentException("cannot write to " + outputDir + ": " + why, e);
      }
    }
    results = Tables.of(List.of(res.row(id)));
    overlay = PipelineOutputs.overlay(img, res, id + " habitats");
    lastNotes = List.copyOf(res.notes());
  }

  /** The notes (warnings and decisions) of the last run, in order, as in the warnings column. */
  public List<String> notes() {
    return lastNotes;
  }

  /** The results row of the last run (one row, {@link CasePipeline.Result#row}). */
  public ResultsTable results() {
    return results;
  }

  /** The habitat overlay of the last run. */
  public ImagePlus overlay() {
    return overlay;
  }

  private static double parseRoma(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'roma' = '" + s + "' is not a number (ROMA in %)");
    }
  }
}
