package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;
import org.habitatj.core.maps.FeatureMapEngine;
import org.habitatj.core.maps.FeatureMaps;
import org.habitatj.core.settings.RadiomicsSettings;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.NiftiReader;
import org.habitatj.io.NrrdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature maps as a calibrated hyperstack and as NIfTI/NRRD files with the source geometry. */
class FeatureMapImagesTest {

  @TempDir Path tmp;

  static FeatureMaps c09Maps() {
    // C09 image: 6×6×2, I = 6y + x (+100 in slice 1), ROI = 3×3 block at the corner in slice 0
    double[] dir = {0, 1, 0, 1, 0, 0, 0, 0, 1}; // x and y swapped: a non-identity direction
    Geometry g = new Geometry(new int[] {6, 6, 2}, new double[] {0.7, 0.8, 3.0},
        new double[] {-10, 20, 5}, dir);
    double[] img = new double[72];
    byte[] roi = new byte[72];
    for (int i = 0; i < 72; i++) {
      int x = i % 6;
      int y = (i / 6) % 6;
      img[i] = 6 * y + x + (i >= 36 ? 100 : 0);
      roi[i] = (byte) (i < 36 && x < 3 && y < 3 ? 1 : 0);
    }
    return FeatureMapEngine.builder(Volume.ofDoubles(img, g), new Mask(roi, g))
        .settings(RadiomicsSettings.builder().kernelRadius(1).build())
        .features(Map.of("firstorder", List.of("Mean", "Maximum")))
        .build()
        .run();
  }

  @Test
  void hyperstackHasChannelsLabelsCalibrationAndNaN() {
    FeatureMaps m = c09Maps();
    ImagePlus imp = FeatureMapImages.toHyperstack(m, "maps");
    assertEquals(2, imp.getNChannels());
    assertEquals(2, imp.getNSlices());
    assertEquals(1, imp.getNFrames());
    assertEquals(32, imp.getBitDepth());
    assertEquals("original_firstorder_Mean", imp.getStack().getSliceLabel(imp.getStackIndex(1, 1, 1)));
    assertEquals("original_firstorder_Maximum", imp.getStack().getSliceLabel(imp.getStackIndex(2, 2, 1)));
    assertEquals(0.7, imp.getCalibration().pixelWidth, 0);
    assertEquals(0.8, imp.getCalibration().pixelHeight, 0);
    assertEquals(3.0, imp.getCalibration().pixelDepth, 0);
    Geometry back = ImagePlusVolumes.geometry(imp);
    assertTrue(back.sameGrid(m.geometry()), back.describe());
    // C09 masked mean at (2,2) = 10.5; outside the ROI NaN
    float[] px = (float[]) imp.getStack().getProcessor(imp.getStackIndex(1, 1, 1)).getPixels();
    assertEquals(10.5, px[2 * 6 + 2], 1e-6);
    assertTrue(Float.isNaN(px[5]));
    float[] px2 = (float[]) imp.getStack().getProcessor(imp.getStackIndex(1, 2, 1)).getPixels();
    assertTrue(Float.isNaN(px2[0]), "slice 1 has no ROI voxel");
    // ImgLib2 view over the same arrays (x, y, z, feature)
    var img = FeatureMapImages.asImg(m);
    assertEquals(4, img.numDimensions());
    var ra = img.randomAccess();
    ra.setPosition(new long[] {2, 2, 0, 0});
    assertEquals(10.5, ra.get().get(), 1e-6);
  }

  @Test
  void niftiAndNrrdExportKeepGeometryAndValues() throws Exception {
    FeatureMaps m = c09Maps();
    List<Path> nii = FeatureMapImages.save(m, tmp, "c09", FeatureMapImages.Format.NIFTI, false);
    List<Path> nrrd = FeatureMapImages.save(m, tmp, "c09", FeatureMapImages.Format.NRRD, false);
    assertEquals(2, nii.size());
    for (int k = 0; k < 2; k++) {
      LoadedImage a = NiftiReader.read(nii.get(k));
      LoadedImage b = NrrdReader.read(nrrd.get(k));
      assertTrue(a.geometry().sameGrid(m.geometry()), a.geometry().describe());
      assertTrue(b.geometry().sameGrid(m.geometry()), b.geometry().describe());
      double[] va = a.volume().toDoubleArray();
      double[] vb = b.volume().toDoubleArray();
      for (int i = 0; i < va.length; i++) {
        float e = m.maps()[k][i];
        if (Float.isNaN(e)) {
          assertTrue(Double.isNaN(va[i]) && Double.isNaN(vb[i]));
        } else {
          assertEquals(e, va[i], 0);
          assertEquals(e, vb[i], 0);
        }
      }
    }
    // never overwrite silently
    org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> FeatureMapImages.save(m, tmp, "c09", FeatureMapImages.Format.NIFTI, false));
  }

  /**
   * The planes filled from the ROI values equal the full-grid maps plane by plane (NaN outside the
   * ROI), and {@link FeatureMaps#map(int)} is not built on the way.
   */
  @Test
  void hyperstackPlanesEqualTheFullGridMaps() {
    FeatureMaps m = c09Maps();
    ImagePlus imp = FeatureMapImages.toHyperstack(m, "maps");
    for (int c = 0; c < 2; c++) {
      float[] full = m.newGridArray(c);
      for (int z = 0; z < 2; z++) {
        float[] px = (float[]) imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, 1))
            .getPixels();
        for (int i = 0; i < 36; i++) {
          float e = full[z * 36 + i];
          assertTrue(Float.isNaN(e) ? Float.isNaN(px[i]) : e == px[i], "c " + c + " z " + z);
        }
      }
    }
    assertEquals(4L * 2 * 72, FeatureMapImages.hyperstackBytes(m));
  }

  /**
   * A 4096×4096×1000 grid holds 1.68e10 voxels: 42 + 1 float maps (4 B each) plus the values at
   * 1000 ROI voxels (42 · 1000 · 4 B), with a quarter more, need (2 885 681 152 000 + 168 000) ·
   * 5/4 B = 3 440 000 MB, more than any test JVM has, so the image grid is refused with the sizes
   * and the bounding-box suggestion; a 10×10×10 box widened by radius 1 (clipped at 0: 11³ voxels,
   * (43 · 1331 · 4 + 168 000) · 5/4 B = 0.47 MB) fits.
   */
  @Test
  void mapsThatCannotFitAreRefusedBeforeComputing() {
    Geometry g = Geometry.of(new int[] {4096, 4096, 1000}, new double[] {1, 1, 1});
    int[] box = {0, 0, 0, 9, 9, 9};
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> FeatureMapImages.requireMemory(42, g, box, 1000, new int[] {1, 1, 1}, false,
            "output_extent=[ROI bounding box]"));
    assertTrue(e.getMessage().startsWith("42 feature maps on the image grid (4096x4096x1000 voxels)"
        + " need about 3440000 MB"), e.getMessage());
    assertTrue(e.getMessage().contains("Choose output_extent=[ROI bounding box] (about 0 MB)"),
        e.getMessage());
    FeatureMapImages.requireMemory(42, g, box, 1000, new int[] {1, 1, 1}, true,
        "output_extent=[ROI bounding box]");
  }
}
