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

  @Test
  void macroPathMatchesPyRadiomicsAndExportsNifti() throws Exception {
    Path in = SHARED.resolve("reference/voxel_maps/inputs");
    Path ref = SHARED.resolve("reference/voxel_maps/b_brain1_z16_r2_all_masked");
    Assumptions.assumeTrue(Files.isDirectory(ref), "../shared absent");
    Path out = tmp.resolve("maps out");
    Map<String, Object> o = CommandBridge.runWithOptions(ComputeFeatureMapsCommand.class,
        "image_file=[" + in.resolve("brain1_z16_image1z.nrrd") + "] mask_source=[mask file] mask_file=["
            + in.resolve("brain1_z16_label1z.nrrd") + "] label=1 bin_width=25"
            + " features=[firstorder_Mean, glcm_Contrast] kernel_radius=2 masked=true threads=2"
            + " output_folder=[" + out + "] output_format=NIfTI");
    ImagePlus imp = (ImagePlus) o.get("maps");
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
}
