package org.habitatj.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.habitatj.ij.CommandBridge;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.NiftiReader;
import org.habitatj.io.NrrdReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Compute Feature Maps" through the bridge's macro path (headless), on reference run b (brain1
 * largest slice, r = 2, masked, binWidth 25; PyRadiomics voxel maps in
 * reference/voxel_maps/b_brain1_z16_r2_all_masked, cropped grid at offset (160, 82, 0)).
 */
class ComputeFeatureMapsCommandTest {

  static final Path SHARED = Path.of("..", "shared");
  @TempDir Path tmp;

  /** Compute Feature Maps on run b's input slice with its settings, plus {@code options}. */
  private static ImagePlus runOnRunB(String options) {
    Path in = SHARED.resolve("reference/voxel_maps/inputs");
    Map<String, Object> o = CommandBridge.runWithOptions(ComputeFeatureMapsCommand.class,
        "image_file=[" + in.resolve("brain1_z16_image1z.nrrd") + "] mask_source=[mask file]"
            + " mask_file=[" + in.resolve("brain1_z16_label1z.nrrd") + "] label=1 bin_width=25"
            + " kernel_radius=2 masked=true threads=2 " + options);
    return (ImagePlus) o.get("maps");
  }

  @Test
  void macroPathMatchesPyRadiomicsAndExportsNifti() throws Exception {
    Path ref = SHARED.resolve("reference/voxel_maps/b_brain1_z16_r2_all_masked");
    Assumptions.assumeTrue(Files.isDirectory(ref), "../shared absent");
    Path out = tmp.resolve("maps out");
    ImagePlus imp = runOnRunB("features=[firstorder_Mean, glcm_Contrast] output_folder=[" + out
        + "] output_format=NIfTI");
    assertEquals(2, imp.getNChannels());
    assertEquals("original_glcm_Contrast", imp.getStack().getSliceLabel(2));
    Path[] files;
    try (var s = Files.list(out)) {
      files = s.sorted().toArray(Path[]::new);
    }
    assertEquals(2, files.length);
    int matched = 0;
    for (String f : new String[] {"original_firstorder_Mean", "original_glcm_Contrast"}) {
      LoadedImage r = NrrdReader.read(ref.resolve(f + ".nrrd"));
      Path mine = java.util.Arrays.stream(files).filter(p -> p.toString().contains(f)).findFirst().get();
      LoadedImage ours = NiftiReader.read(mine);
      double[] rv = r.volume().toDoubleArray();
      double[] ov = ours.volume().toDoubleArray();
      int[] rs = r.geometry().size();
      for (int j = 0; j < rs[1]; j++) {
        for (int i = 0; i < rs[0]; i++) {
          double e = rv[i + rs[0] * j];
          double g = ov[(i + 160) + 256 * (j + 82)];
          if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(g), f + " at " + i + "," + j);
          } else {
            assertEquals(e, g, 1e-6 * Math.abs(e) + 1e-12, f + " at " + i + "," + j);
            matched++;
          }
        }
      }
    }
    assertEquals(2 * 984, matched);
  }

  /**
   * With output_extent=[ROI bounding box] the maps land on PyRadiomics' own output grid for run b:
   * the same size and origin as its map files (read from their headers), and the same values at
   * the same voxels within 1e-6 relative, NaN elsewhere.
   */
  @Test
  void roiBoundingBoxExtentIsPyRadiomicsOutputGrid() throws Exception {
    Path ref = SHARED.resolve("reference/voxel_maps/b_brain1_z16_r2_all_masked");
    Assumptions.assumeTrue(Files.isDirectory(ref), "../shared absent");
    Path out = tmp.resolve("box");
    ImagePlus imp = runOnRunB("features=[glcm_Contrast] output_extent=[ROI bounding box]"
        + " output_folder=[" + out + "] output_format=NRRD");
    LoadedImage r = NrrdReader.read(ref.resolve("original_glcm_Contrast.nrrd"));
    int[] rs = r.geometry().size();
    assertEquals(rs[0], imp.getWidth());
    assertEquals(rs[1], imp.getHeight());
    Path mine;
    try (var s = Files.list(out)) {
      mine = s.filter(p -> p.toString().contains("original_glcm_Contrast")).findFirst().get();
    }
    // files are named after the image without its extension
    assertEquals("brain1_z16_image1z_maps_original_glcm_Contrast.nrrd", mine.getFileName().toString());
    assertEquals("brain1_z16_image1z maps", imp.getTitle());
    LoadedImage ours = NrrdReader.read(mine);
    assertTrue(ours.geometry().sameGrid(r.geometry()), ours.geometry().describe() + " vs "
        + r.geometry().describe());
    double[] rv = r.volume().toDoubleArray();
    double[] ov = ours.volume().toDoubleArray();
    float[] px = (float[]) imp.getStack().getProcessor(1).getPixels();
    assertEquals(984, matchesRunB(rv, px));
    for (int i = 0; i < rv.length; i++) {
      assertTrue(Double.isNaN(ov[i]) ? Float.isNaN(px[i]) : ov[i] == px[i], "file voxel " + i);
    }
  }

  /**
   * Compares a map on PyRadiomics' grid with the reference values (1e-6 relative; NaN where the
   * reference is NaN) and returns the number of finite values matched.
   */
  private static int matchesRunB(double[] rv, float[] px) {
    int matched = 0;
    for (int i = 0; i < rv.length; i++) {
      if (Double.isNaN(rv[i])) {
        assertTrue(Float.isNaN(px[i]), "voxel " + i);
      } else {
        assertEquals(rv[i], px[i], 1e-6 * Math.abs(rv[i]) + 1e-12, "voxel " + i);
        matched++;
      }
    }
    return matched;
  }

  /**
   * A PyRadiomics parameter file's kernelRadius, maskedKernel, force2D and featureClass replace the
   * dialog's values: with the file of run b (radius 2, masked, force2D, glcm Contrast only) and the
   * dialog saying radius 1, unmasked, 3D cube, firstorder, the one map is run b's Contrast map.
   */
  @Test
  void settingsFileWinsOverTheDialogValues() throws Exception {
    Path ref = SHARED.resolve("reference/voxel_maps/b_brain1_z16_r2_all_masked");
    Assumptions.assumeTrue(Files.isDirectory(ref), "../shared absent");
    Path yaml = tmp.resolve("run_b.yaml");
    Files.writeString(yaml, "setting:\n  binWidth: 25\n  force2D: true\nvoxelSetting:\n"
        + "  kernelRadius: 2\n  maskedKernel: true\nfeatureClass:\n  glcm: [Contrast]\n");
    Path in = SHARED.resolve("reference/voxel_maps/inputs");
    Map<String, Object> o = CommandBridge.runWithOptions(ComputeFeatureMapsCommand.class,
        "image_file=[" + in.resolve("brain1_z16_image1z.nrrd") + "] mask_source=[mask file]"
            + " mask_file=[" + in.resolve("brain1_z16_label1z.nrrd") + "] label=1"
            + " settings_file=[" + yaml + "] kernel_radius=1 masked=false kernel=[3D cube]"
            + " features=[firstorder] output_extent=[ROI bounding box]");
    ImagePlus imp = (ImagePlus) o.get("maps");
    assertEquals(1, imp.getNChannels());
    assertEquals("original_glcm_Contrast", imp.getStack().getSliceLabel(1));
    String d = (String) imp.getProp(org.habitatj.ij.FeatureMapImages.DESCRIPTION_PROPERTY);
    assertTrue(d.startsWith("2D square kernel radius 2 voxels"), d);
    double[] rv = NrrdReader.read(ref.resolve("original_glcm_Contrast.nrrd")).volume()
        .toDoubleArray();
    float[] px = (float[]) imp.getStack().getProcessor(1).getPixels();
    assertEquals(984, matchesRunB(rv, px));
  }

  /**
   * Output files that exist, or an output folder that is a file, are refused before the maps are
   * computed, naming the file; the existing file is left as it was.
   */
  @Test
  void existingOutputsAreRefusedBeforeComputing() throws Exception {
    Path in = SHARED.resolve("reference/voxel_maps/inputs");
    Assumptions.assumeTrue(Files.isDirectory(in), "../shared absent");
    Path out = tmp.resolve("taken");
    Files.createDirectories(out);
    Path taken = out.resolve("brain1_z16_image1z_maps_original_glcm_Contrast.nrrd");
    Files.writeString(taken, "earlier maps");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> runOnRunB("features=[glcm_Contrast] output_folder=["
            + out + "] output_format=NRRD"));
    assertTrue(e.getMessage().contains(taken + ": file exists; not overwritten"), e.getMessage());
    assertEquals("earlier maps", Files.readString(taken));
    Path file = tmp.resolve("a file");
    Files.writeString(file, "x");
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> runOnRunB("features=[glcm_Contrast] output_folder=[" + file + "]"));
    assertTrue(e.getMessage().contains(file + ": the output folder is a file, not a folder"),
        e.getMessage());
  }
}
