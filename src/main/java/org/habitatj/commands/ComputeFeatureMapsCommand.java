package org.habitatj.commands;

import ij.IJ;
import ij.ImagePlus;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.maps.MapDiscretization;
import org.habitatj.core.progress.CanceledException;
import org.habitatj.core.settings.PyRadiomicsParams;
import org.habitatj.ij.FeatureMapImages;
import org.habitatj.ij.IjProgress;
import org.habitatj.ij.ImageInputs;
import org.habitatj.ij.MapSettingsChoice;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Sliding-window radiomics feature maps (PyRadiomics voxel-based definitions): a calibrated 32-bit
 * hyperstack with one channel per feature, NaN outside the ROI; optionally saved as NIfTI, NRRD or
 * TIFF. All maths is in {@link FeatureMapEngine}.
 */
@Plugin(type = Command.class, headless = true, label = "Compute Feature Maps")
public class ComputeFeatureMapsCommand extends ImageMaskCommand {

  static final String CUBE = "3D cube";
  static final String SQUARE = "2D square (per slice)";
  static final String ONCE = "whole ROI once (PyRadiomics)";
  static final String PER_WINDOW = "per window (ITHscore)";
  static final String IMAGE_GRID = "image grid";
  static final String ROI_BOX = "ROI bounding box";
  static final String TIFF = "TIFF";

  @Parameter(label = "Settings file", required = false,
      description = "PyRadiomics YAML: its binning, kernelRadius, maskedKernel, force2D and"
          + " featureClass replace the dialog's values (the log names them)")
  private File settingsFile;

  @Parameter(label = "Bin width", min = "0", description = "used when no settings file is given")
  private double binWidth = 25;

  @Parameter(label = "Features", required = false,
      description = "e.g. 'firstorder, glcm' or 'glcm_Contrast, firstorder_Mean'; empty = all")
  private String features = "firstorder, glcm";

  @Parameter(label = "Kernel radius (voxels)", min = "0", description = "half-width in voxels")
  private int kernelRadius = 1;

  @Parameter(label = "Kernel radius (mm)", min = "0",
      description = "if > 0, used instead of voxels: floor(mm / spacing) per axis")
  private double kernelRadiusMm = 0;

  @Parameter(label = "Kernel", choices = {CUBE, SQUARE})
  private String kernel = CUBE;

  @Parameter(label = "Masked kernel", description = "kernel ∩ ROI (else kernel ∩ image)")
  private boolean masked = true;

  @Parameter(label = "Discretisation", choices = {ONCE, PER_WINDOW})
  private String discretisation = ONCE;

  @Parameter(label = "Threads", min = "1", description = "worker threads (values do not depend on it)")
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Parameter(label = "Output extent", choices = {IMAGE_GRID, ROI_BOX},
      description = "maps on the whole image grid (aligned with the image), or on the ROI's"
          + " bounding box widened by the kernel radius (PyRadiomics' voxel-based output grid;"
          + " origin moved, world positions kept; far less memory for a small ROI in a large"
          + " volume)")
  private String outputExtent = IMAGE_GRID;

  @Parameter(label = "Output folder", required = false, style = FileWidget.DIRECTORY_STYLE,
      description = "optional: write one file per map here")
  private File outputFolder;

  @Parameter(label = "Output format", choices = {"NIfTI", "NRRD", TIFF})
  private String outputFormat = "NIfTI";

  @Parameter(type = ItemIO.OUTPUT, label = "Feature maps")
  private ImagePlus maps;

  @Override
  public void run() {
    List<String> notes = new ArrayList<>();
    Volume img = volume(notes);
    takeLabelFrom(settingsFile, notes);
    Mask mask = mask(img, notes);
    PyRadiomicsParams.Parsed file = null;
    if (ImageInputs.present(settingsFile)) {
      try {
        file = PyRadiomicsParams.read(settingsFile.toPath());
        notes.addAll(file.warnings());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read settings file " + settingsFile + ": " + e.getMessage(), e);
      }
    }
    MapSettingsChoice choice = MapSettingsChoice.of(file, binWidth, kernelRadius, masked,
        SQUARE.equals(kernel), features, notes);
    FeatureMapEngine.Builder b = FeatureMapEngine.builder(img, mask)
        .settings(choice.settings())
        .kernel(choice.shape())
        .discretization(PER_WINDOW.equals(discretisation)
            ? MapDiscretization.PER_WINDOW : MapDiscretization.WHOLE_ROI_ONCE)
        .threads(threads)
        .progress(IjProgress.create("Compute Feature Maps"));
    if (choice.features() != null) {
      b.features(choice.features());
    }
    if (kernelRadiusMm > 0) {
      b.radiusMm(kernelRadiusMm);
    }
    FeatureMapEngine engine = b.build();
    boolean crop = ROI_BOX.equals(outputExtent);
    FeatureMapImages.requireMemory(engine.features().size(), img.geometry(), mask.boundingBox(),
        mask.count(), engine.radiusVoxels(), crop, "output_extent=[" + ROI_BOX + "]");
    String title = title() + " maps";
    String prefix = title.replaceAll("[^A-Za-z0-9._-]", "_");
    FeatureMapImages.Format format =
        FeatureMapImages.Format.valueOf(outputFormat.toUpperCase(java.util.Locale.ROOT));
    if (ImageInputs.present(outputFolder)) {
      try { // before computing: nothing is overwritten, no run is wasted
        FeatureMapImages.requireNew(FeatureMapImages.outputFiles(engine.features(),
            outputFolder.toPath(), prefix, format));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write the maps: " + e.getMessage(), e);
      }
    }
    FeatureMaps fm;
    try {
      fm = engine.run();
      if (crop) {
        fm = fm.croppedToRoiBox();
      }
      maps = FeatureMapImages.toHyperstack(fm, title);
    } catch (CanceledException e) {
      IJ.log("Compute Feature Maps: cancelled");
      return;
    } catch (OutOfMemoryError e) {
      maps = null; // what was built is garbage now; say so instead of a stack trace
      throw new IllegalArgumentException("Compute Feature Maps ran out of memory (maximum "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MB): choose output_extent=[" + ROI_BOX
          + "], fewer features, or more memory (Edit > Options > Memory & Threads)", e);
    }
    IJ.log("Compute Feature Maps: " + fm.description()
        + (crop ? "; on the ROI bounding box " + fm.geometry().describe() : ""));
    notes.forEach(n -> IJ.log("Compute Feature Maps: " + n));
    if (ImageInputs.present(outputFolder)) {
      try {
        if (format == FeatureMapImages.Format.TIFF) { // the hyperstack already built
          java.nio.file.Files.createDirectories(outputFolder.toPath());
          FeatureMapImages.saveTiff(maps, outputFolder.toPath().resolve(prefix + "_maps.tif"), false);
        } else {
          FeatureMapImages.save(fm, outputFolder.toPath(), prefix, format, false);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write the maps: " + e.getMessage(), e);
      }
    }
  }
}
