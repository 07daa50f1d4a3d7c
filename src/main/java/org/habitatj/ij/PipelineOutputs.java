package org.habitatj.ij;

import com.google.gson.GsonBuilder;
import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habitatj.core.habitat.HabitatMap;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.pipeline.CasePipeline;
import org.habitatj.io.CsvTable;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.VoxelType;
import org.habitatj.ui.HabitatFigures;
import org.habitatj.ui.HabitatOverlay;

/**
 * Writes the outputs of one {@link CasePipeline} run into a folder:
 *
 * <ul>
 *   <li>{@code results.csv}: one row ({@link CasePipeline.Result#row});
 *   <li>{@code habitat_map.nii.gz} / {@code .tif}: tumour habitats 1..K (0 elsewhere), uint8;
 *       the TIFF with the habitat colour LUT and display range 0..K (opens coloured);
 *   <li>{@code habitat_map_joint.nii.gz} / {@code .tif}: habitats of tumour ∪ ring clustered
 *       jointly (the map behind the combined ITH score), when there is a ring;
 *   <li>{@code ring_mask.nii.gz} / {@code .tif}: the peritumoral ring (full 3D ring);
 *   <li>{@code overlay.png}: habitats over the image on the habitat slice (or the slice with the
 *       most habitat voxels with all-slice habitats), enlarged (nearest neighbour) to ≥ 400 px,
 *       above a key (habitat colours 1..K, ring) and a caption (case, K, slice number 1-based as
 *       ImageJ shows it, ITH and combined ITH scores), see {@link #overlayFigure};
 *   <li>{@code settings.json}: every setting (seed included), HabitatJ version, inputs
 *       ({@link PipelineInputs}), notes ({@link #writeSettings}).
 * </ul>
 *
 * NIfTI files carry the image geometry. Existing files of these names in the folder are replaced;
 * a file that is one of the inputs is never written (error).
 */
public final class PipelineOutputs {

  private PipelineOutputs() {}

  /** The overlay image (RGB) of a result, for display and the PNG. */
  public static ImagePlus overlay(Volume image, CasePipeline.Result res, String title) {
    Geometry g = image.geometry();
    int z = overlaySlice(res);
    return HabitatOverlay.render(image.toDoubleArray(), res.habitats().tumourMap().labelsAsInt(),
        res.ring() == null ? null : res.ring().mask(), g, z, z, title);
  }

  /** Smallest long side (pixels) of the image part of overlay.png. */
  public static final int PNG_MIN_SIDE = 400;

  /** The slice (0-based) the overlay shows. */
  static int overlaySlice(CasePipeline.Result res) {
    int z = res.habitatSlice();
    return z >= 0 ? z : org.habitatj.core.habitat.IthPipeline.largestAreaSlice(nonZero(
        res.habitats().tumourMap()));
  }

  /**
   * The picture saved as overlay.png: {@link #overlay} enlarged (nearest neighbour) to a long side
   * ≥ {@link #PNG_MIN_SIDE}, with the colour key and a caption below ({@link
   * HabitatFigures#withLegend}).
   */
  public static ImagePlus overlayFigure(Volume image, CasePipeline.Result res, String caseId) {
    ImagePlus ov = overlay(image, res, caseId + " habitats");
    int f = HabitatFigures.enlargement(ov.getWidth(), ov.getHeight(), PNG_MIN_SIDE);
    int z = overlaySlice(res);
    int k = res.habitats().tumourMap().k();
    List<String> caption = new java.util.ArrayList<>();
    caption.add(caseId + ": K = " + k + " habitats; slice " + (z + 1) + " of "
        + image.geometry().size(2) + " (1-based, as in ImageJ; habitat_slice " + z
        + " counts from 0)" + (res.habitatSlice() < 0
            ? ", the slice with most habitat voxels of the 3D habitats" : ""));
    String scores = String.format(java.util.Locale.ROOT, "ITH score %.3f", res.ithScore());
    if (!Double.isNaN(res.combinedIthScore())) {
      scores += String.format(java.util.Locale.ROOT, "; combined ITH score %.3f",
          res.combinedIthScore());
    }
    caption.add(scores);
    return HabitatFigures.withLegend(HabitatFigures.enlarge(ov.getProcessor(), f), k,
        res.ring() != null, caption, caseId + " habitats");
  }

  /**
   * Writes every output; returns the files written.
   *
   * @param inputs files read for this case (never overwritten), may be empty
   * @param settingsMap settings and inputs for settings.json
   */
  public static List<Path> write(Path dir, String caseId, Volume image, CasePipeline.Result res,
      Map<String, Object> settingsMap, List<Path> inputs) throws IOException {
    return write(dir, caseId, image, res, settingsMap, inputs, false);
  }

  /** Every file name this class may write into an output folder. */
  public static final List<String> OUTPUT_NAMES = List.of("results.csv", "habitat_map.nii.gz",
      "habitat_map.tif", "habitat_map_joint.nii.gz", "habitat_map_joint.tif", "ring_mask.nii.gz",
      "ring_mask.tif", "overlay.png", "settings.json");

  /**
   * The HabitatJ result files already in {@code dir} that make it "used": results.csv and
   * settings.json (empty when the folder does not exist).
   */
  public static List<String> existingResults(Path dir) {
    List<String> found = new java.util.ArrayList<>();
    for (String f : List.of("results.csv", "settings.json")) {
      if (Files.exists(dir.resolve(f))) {
        found.add(f);
      }
    }
    return found;
  }

  /**
   * As {@link #write(Path, String, Volume, CasePipeline.Result, Map, List)}, refusing a folder
   * that already holds results unless {@code overwrite}. With {@code overwrite}, HabitatJ output
   * files of an earlier run that this run does not write (e.g. the ring files after a run without
   * ring) are deleted first, so the folder never mixes two runs; a note names them. Input files
   * are never deleted or overwritten.
   *
   * @throws IOException when the folder holds results and {@code overwrite} is false, or on a
   *     write error
   */
  public static List<Path> write(Path dir, String caseId, Volume image, CasePipeline.Result res,
      Map<String, Object> settingsMap, List<Path> inputs, boolean overwrite) throws IOException {
    List<String> found = existingResults(dir);
    if (!found.isEmpty() && !overwrite) {
      throw new IOException("the folder already holds HabitatJ results (" + String.join(", ",
          found) + "); choose another output folder, or set overwrite to replace them");
    }
    Files.createDirectories(dir);
    List<String> stale = new java.util.ArrayList<>();
    for (String name : OUTPUT_NAMES) {
      boolean writes = !(name.startsWith("habitat_map_joint") && res.habitats().jointMap() == null)
          && !(name.startsWith("ring_mask") && res.ring() == null);
      Path f = dir.resolve(name);
      if (!writes && Files.exists(f)) {
        guard(f, inputs);
        Files.delete(f);
        stale.add(name);
      }
    }
    if (!stale.isEmpty()) {
      res.notes().add("removed output files of an earlier run that this run does not write: "
          + String.join(", ", stale));
    }
    List<Path> written = new java.util.ArrayList<>();
    Geometry g = image.geometry();
    Path csv = guard(dir.resolve("results.csv"), inputs);
    CsvTable.write(csv, List.of(res.row(caseId)));
    written.add(csv);
    written.addAll(labels(dir, "habitat_map", res.habitats().tumourMap(), g, inputs));
    if (res.habitats().jointMap() != null) {
      written.addAll(labels(dir, "habitat_map_joint", res.habitats().jointMap(), g, inputs));
    }
    if (res.ring() != null) {
      Path n = guard(dir.resolve("ring_mask.nii.gz"), inputs);
      NiftiWriter.write(res.ring().mask(), n, true);
      Path t = guard(dir.resolve("ring_mask.tif"), inputs);
      IJ.saveAsTiff(ImagePlusVolumes.toImagePlus(res.ring().mask(), "ring_mask"), t.toString());
      written.add(n);
      written.add(t);
    }
    Path png = guard(dir.resolve("overlay.png"), inputs);
    ImagePlus ov = overlayFigure(image, res, caseId);
    if (!new ij.io.FileSaver(ov).saveAsPng(png.toString())) {
      throw new IOException("cannot write " + png);
    }
    written.add(png);
    Path json = guard(dir.resolve("settings.json"), inputs);
    writeSettings(json, caseId, settingsMap, res.notes());
    written.add(json);
    return written;
  }

  /**
   * Writes a settings JSON: {@code case_id}, then the settings map as given (its "inputs" block
   * from {@link PipelineInputs}), then {@code notes}. Keys keep the maps' insertion order (every
   * map written must be ordered, so identical runs give byte-identical files; no timestamp);
   * null values are written as JSON null (a setting not given, the mask of the ROI Manager).
   *
   * @throws IOException when the file cannot be written
   */
  public static void writeSettings(Path json, String caseId, Map<String, Object> settingsMap,
      List<String> notes) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("case_id", caseId);
    all.putAll(settingsMap);
    all.put("notes", notes);
    Files.writeString(json, new GsonBuilder().setPrettyPrinting()
        .serializeSpecialFloatingPointValues().serializeNulls().disableHtmlEscaping().create()
        .toJson(all) + "\n", StandardCharsets.UTF_8);
  }

  private static List<Path> labels(Path dir, String name, HabitatMap map, Geometry g,
      List<Path> inputs) throws IOException {
    int[] l = map.labelsAsInt();
    float[] f = new float[l.length];
    for (int i = 0; i < l.length; i++) {
      f[i] = l[i];
    }
    Path n = guard(dir.resolve(name + ".nii.gz"), inputs);
    NiftiWriter.write(Volume.ofFloats(f, g), VoxelType.UINT8, n, true);
    Path t = guard(dir.resolve(name + ".tif"), inputs);
    ImagePlus tif = ImageInputs.labelsToImagePlus(l, g, name);
    HabitatFigures.colourHabitats(tif, Math.max(1, map.k()));
    IJ.saveAsTiff(tif, t.toString());
    return List.of(n, t);
  }

  private static Mask nonZero(HabitatMap map) {
    byte[] l = map.labels();
    byte[] m = new byte[l.length];
    for (int i = 0; i < l.length; i++) {
      m[i] = (byte) (l[i] != 0 ? 1 : 0);
    }
    return new Mask(m, map.geometry());
  }

  private static Path guard(Path out, List<Path> inputs) throws IOException {
    for (Path in : inputs) {
      if (in != null && Files.exists(in) && Files.exists(out) && Files.isSameFile(in, out)) {
        throw new IOException("refusing to overwrite the input file " + in);
      }
    }
    return out;
  }
}
