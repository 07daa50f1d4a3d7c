package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import java.nio.file.Path;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.SharedData;
import org.habitatj.io.VoxelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeFilesTest {

  @TempDir Path tmp;

  /**
   * C14 across readers: the STS_008 DICOM series (ImageJ decoder) with the NIfTI mask (HabitatJ
   * reader) share the grid, and the ROI statistics equal PyRadiomics' on the NIfTI pair
   * (../shared/reference/whole_roi/STS_008__default.csv: 8862 voxels, mean 311.55946738885126,
   * min 133, max 919).
   */
  @Test
  void dicomImageWithNiftiMask() throws Exception {
    LoadedImage img = VolumeFiles.open(SharedData.data("ibsi_sts_mr/dicom/STS_008/MR_T1/image"));
    LoadedImage lbl = VolumeFiles.open(Path.of("test-images/STS_008/MR_T1_mask.nii.gz"));
    assertEquals(VoxelType.INT16, img.voxelType());
    assertFalse(img.scaled());
    Masks.checkSameGrid(img.geometry(), lbl.geometry(), "dicom", "nifti");
    Mask m = Masks.fromLabelImage(lbl.volume(), Masks.LabelChoice.auto()).mask();
    double[] v = img.volume().toDoubleArray();
    double s = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (m.contains(i)) {
        s += v[i];
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
    }
    assertEquals(8862, m.count());
    assertEquals(311.55946738885126, s / m.count(), 1e-12);
    assertEquals(133, min, 0);
    assertEquals(919, max, 0);
  }

  /** An ImageJ 0/255 TIFF mask and a 32-bit 0.0/1.0 TIFF mask give the same ROI (C01/C03). */
  @Test
  void tiffMasks() throws Exception {
    ImagePlus bin = new ImagePlus("m8", new ij.process.ByteProcessor(4, 4,
        new byte[] {0, 0, 0, 0, 0, (byte) 255, (byte) 255, 0, 0, (byte) 255, (byte) 255, 0, 0, 0,
          0, 0}));
    bin.getCalibration().setUnit("mm");
    float[] f = new float[16];
    f[5] = f[6] = f[9] = f[10] = 1f;
    ImagePlus flt = new ImagePlus("m32", new FloatProcessor(4, 4, f));
    flt.getCalibration().setUnit("mm");
    Path p8 = tmp.resolve("m8.tif");
    Path p32 = tmp.resolve("m32.tif");
    assertTrue(IJ.saveAsTiff(bin, p8.toString()));
    assertTrue(IJ.saveAsTiff(flt, p32.toString()));
    Masks.MaskSelection a = Masks.fromLabelImage(VolumeFiles.open(p8).volume(),
        Masks.LabelChoice.auto());
    Masks.MaskSelection b = Masks.fromLabelImage(VolumeFiles.open(p32).volume(),
        Masks.LabelChoice.auto());
    assertEquals(255, a.label());
    assertEquals(1, b.label());
    assertArrayEquals(a.mask().data(), b.mask().data());
    assertEquals(4, a.mask().count());
  }

  @Test
  void tiffWithoutUnitIsRefused() {
    ImagePlus px = new ImagePlus("nounit", new FloatProcessor(2, 2));
    Path p = tmp.resolve("nounit.tif");
    assertTrue(IJ.saveAsTiff(px, p.toString()));
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> VolumeFiles.open(p));
    assertTrue(e.getMessage().contains("nounit.tif") && e.getMessage().contains("no physical"),
        e.getMessage());
  }
}
