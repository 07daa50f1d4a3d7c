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
import org.habitatj.ui.HabitatOverlay;

/**
 * Writes the outputs of one {@link CasePipeline} run into a folder:
 *
 * <ul>
 *   <li>{@code results.csv}: one row ({@link CasePipeline.Result#row});
 *   <li>{@code habitat_map.nii.gz} / {@code .tif}: tumour habitats 1..K (0 elsewhere), uint8;
 *   <li>{@code habitat_map_joint.nii.gz} / {@code .tif}: habitats of tumour ∪ ring clustered
 *       jointly (the map behind the combined ITH score), when there is a ring;
 *   <li>{@code ring_mask.nii.gz} / {@code .tif}: the peritumoral ring (full 3D ring);
 *   <li>{@code overlay.png}: habitats over the image on the habitat slice (or the slice with the
 *       most habitat voxels with all-slice habitats), enlarged (nearest neighbour) to ≥ 400 px;
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
    int z = res.habitatSlice();
    if (z < 0) {
      z = org.habitatj.core.habitat.IthPipeline.largestAreaSlice(nonZero(res.habitats()
          .tumourMap()));
    }
    return HabitatOverlay.render(image.toDoubleArray(), res.habitats().tumourMap().labelsAsInt(),
        res.ring() == null ? null : res.ring().mask(), g, z, z, title);
  }

  /**
   * Writes every output; returns the files written.
   *
   * @param inputs files read for this case (never overwritten), may be empty
   * @param settingsMap settings and inputs for settings.json
   */
  public static List<Path> write(Path dir, String caseId, Volume image, CasePipeline.Result res,
      Map<String, Object> settingsMap, List<Path> inputs) throws IOException {
    Files.createDirectories(dir);
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
    ImagePlus ov = overlay(image, res, caseId + " habitats");
    int f = Math.max(1, (int) Math.ceil(400.0 / Math.max(ov.getWidth(), ov.getHeight())));
    if (f > 1) {
      ov.getProcessor().setInterpolationMethod(ij.process.ImageProcessor.NONE);
      ov.setProcessor(ov.getProcessor().resize(ov.getWidth() * f, ov.getHeight() * f));
    }
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
    IJ.saveAsTiff(ImageInputs.labelsToImagePlus(l, g, name), t.toString());
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
