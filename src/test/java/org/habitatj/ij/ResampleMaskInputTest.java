package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.habitatj.commands.ExtractFeaturesCommand;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.VoxelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mask on another grid: refused with the macro key to use, resampled only on request (C13). */
class ResampleMaskInputTest {
  static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

  @TempDir Path tmp;

  @Test
  void maskOnAFinerGridIsRefusedThenResampledOnRequest() throws Exception {
    // image 8×8×4, 1 mm, origin 0: voxel centres at 0..7 mm
    Geometry ig = new Geometry(new int[] {8, 8, 4}, new double[] {1, 1, 1}, new double[3],
        IDENTITY);
    double[] v = new double[256];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 7;
    }
    Path img = tmp.resolve("image.nii.gz");
    NiftiWriter.write(Volume.ofDoubles(v, ig), VoxelType.FLOAT32, img, false);
    // mask 16×16×8, 0.5 mm, origin −0.2 mm: image centre i lies at mask index (i + 0.2) / 0.5 =
    // 2i + 0.4, nearest 2i. The mask block [4, 7]³ holds 2i for i = 2, 3: 2×2×2 = 8 image voxels.
    Geometry mg = new Geometry(new int[] {16, 16, 8}, new double[] {0.5, 0.5, 0.5},
        new double[] {-0.2, -0.2, -0.2}, IDENTITY);
    Mask m = Mask.empty(mg);
    for (int z = 4; z <= 7; z++) {
      for (int y = 4; y <= 7; y++) {
        for (int x = 4; x <= 7; x++) {
          m.data()[mg.index(x, y, z)] = 1;
        }
      }
    }
    Path mask = tmp.resolve("mask.nii.gz");
    NiftiWriter.write(m, mask);

    String line = "image_file=[" + img + "] mask_file=[" + mask + "] bin_width=1";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandBridge.runWithOptions(ExtractFeaturesCommand.class, line));
    assertTrue(e.getMessage().contains("not on the same voxel grid"), e.getMessage());
    assertTrue(e.getMessage().contains("set resample_mask=true"), e.getMessage());

    List<String> notes = new ArrayList<>();
    ImageInputs.SelectedMask sel = ImageInputs.selectMask(ImageInputs.MASK_FILE, mask.toFile(),
        null, 0, null, ig, true, notes);
    assertEquals(8, sel.mask().count());
    assertTrue(sel.resampled());
    for (int z = 0; z < 4; z++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          boolean in = x >= 2 && x <= 3 && y >= 2 && y <= 3 && z >= 2 && z <= 3;
          assertEquals(in, sel.mask().contains(ig.index(x, y, z)), x + "," + y + "," + z);
        }
      }
    }
    assertTrue(String.join("; ", notes).contains("resampled onto the image grid (nearest "
        + "neighbour), as requested: 8 voxels"), notes.toString());

    Map<String, Object> out = CommandBridge.runWithOptions(ExtractFeaturesCommand.class,
        line + " resample_mask=true");
    ij.measure.ResultsTable rt = (ij.measure.ResultsTable) out.get("results");
    assertEquals(8, rt.getValue("diagnostics_Mask-original_VoxelNum", 0), 0);
  }
}
