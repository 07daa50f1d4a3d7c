package org.habitatj.ij;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habitatj.core.image.Masks;

/**
 * What a run was given, for the {@code "inputs"} block of settings.json: written by one piece of
 * code for every entry point (Run ITH Pipeline and Extract Radiomics Features from a macro or a
 * dialog, and the command line) so the records cannot drift apart.
 *
 * @param image the image file (absolute path), or the title of the open image used
 * @param maskSource {@link ImageInputs#MASK_FILE}, {@link ImageInputs#LABEL_IMAGE} or {@link
 *     ImageInputs#ROI_MANAGER}
 * @param mask the mask file (absolute path), the title of the open label image, or null (ROI
 *     Manager)
 * @param label the label that formed the ROI (the one actually used, also when it was chosen
 *     automatically), or null ({@link #NONZERO}, {@link #ROI_MANAGER})
 * @param labelChoice how the label was chosen: {@link #GIVEN}, {@link #AUTO}, {@link #NONZERO}
 *     or {@link #ROI_MANAGER}
 * @param maskResampled whether the mask was resampled onto the image grid (command line
 *     {@code --resample-mask})
 */
public record PipelineInputs(String image, String maskSource, String mask, Integer label,
    String labelChoice, boolean maskResampled) {

  /** The label was given by the user. */
  public static final String GIVEN = "given";
  /** No label given: the only non-zero label of the mask was used. */
  public static final String AUTO = "automatic (the only non-zero label)";
  /** Every non-zero voxel of the mask is ROI (command line {@code --nonzero}). */
  public static final String NONZERO = "every non-zero voxel";
  /** The ROI came from the ROI Manager (no label). */
  public static final String ROI_MANAGER = "ROI Manager";

  /** The label choice of a selection made by {@link Masks#fromLabelImage}. */
  public static String choice(Masks.MaskSelection sel) {
    return sel.label() == null ? NONZERO : sel.autoChosen() ? AUTO : GIVEN;
  }

  /**
   * The default case ID of an image file: the name of the folder holding it (one folder per case,
   * as in the IBSI and most radiomics data sets: {@code STS_008/MR_T1_image.nii.gz} gives {@code
   * STS_008}); the file name without its extension when it has no parent folder. The command line
   * and Run ITH Pipeline use this rule when no case ID is given.
   */
  public static String defaultCaseId(Path image) {
    Path parent = image.toAbsolutePath().normalize().getParent();
    if (parent != null && parent.getFileName() != null) {
      return parent.getFileName().toString();
    }
    return stem(image.getFileName().toString());
  }

  /**
   * A file or image name without its image extension ({@code .nii.gz}, {@code .nii}, {@code
   * .nrrd}, {@code .nhdr}, {@code .tif}, {@code .tiff}; case-insensitive).
   */
  public static String stem(String name) {
    return name.replaceAll("(?i)\\.(nii\\.gz|nii|nrrd|nhdr|tiff?)$", "");
  }

  /** The absolute, normalised path of a file as given (relative paths against the working dir). */
  public static String path(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  /** {@link #path(Path)} of a File. */
  public static String path(File f) {
    return path(f.toPath());
  }

  /**
   * The record, keys in this fixed order: {@code image, mask_source, mask, label, label_choice,
   * mask_resampled}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image", image);
    m.put("mask_source", maskSource);
    m.put("mask", mask);
    m.put("label", label);
    m.put("label_choice", labelChoice);
    m.put("mask_resampled", maskResampled);
    return m;
  }
}
