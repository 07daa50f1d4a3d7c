package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.MaskException;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.habitatj.io.ImageFormatException;
import org.habitatj.io.LoadedImage;
import org.habitatj.io.MedicalImageReader;
import org.habitatj.io.NiftiWriter;
import org.habitatj.io.VoxelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases C13, C14 and C23 end to end through files and the ImageJ bridge. */
class GeometryCasesTest {

  @TempDir Path tmp;

  /** C23 NRRD header (Slicer style: space directions only, LPS). */
  private Path c23Nrrd() throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(("NRRD0004\ntype: short\ndimension: 3\nspace: left-posterior-superior\n"
        + "sizes: 4 3 2\nspace directions: (0.7071,0.7071,0) (-0.7071,0.7071,0) (0,0,2.5)\n"
        + "kinds: domain domain domain\nendian: little\nencoding: raw\n"
        + "space origin: (10,20,30)\n\n").getBytes(StandardCharsets.US_ASCII));
    o.write(new byte[48]);
    Path p = tmp.resolve("c23.nrrd");
    Files.write(p, o.toByteArray());
    return p;
  }

  /**
   * The equivalent NIfTI written by hand in RAS: sform columns = the NRRD vectors with x, y
   * negated, translation (−10, −20, 30); pixdim = the vector norms (0.99999040…, 2.5).
   */
  private Path c23Nifti() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(352 + 48).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 348);
    short[] dim = {3, 4, 3, 2, 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, dim[i]);
    }
    b.putShort(70, (short) 4).putShort(72, (short) 16);
    float n = (float) Math.sqrt(2 * 0.7071 * 0.7071);
    float[] pixdim = {1, n, n, 2.5f};
    for (int i = 0; i < 4; i++) {
      b.putFloat(76 + 4 * i, pixdim[i]);
    }
    b.putFloat(108, 352).putFloat(112, 1);
    b.put(123, (byte) 2);
    b.putShort(254, (short) 1); // sform only
    float[][] srow = {{-0.7071f, 0.7071f, 0, -10}, {-0.7071f, -0.7071f, 0, -20},
      {0, 0, 2.5f, 30}};
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
      }
    }
    b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    Path p = tmp.resolve("c23.nii");
    Files.write(p, b.array());
    return p;
  }

  @Test
  void c23NrrdAndEquivalentNiftiAreTheSameGrid() throws Exception {
    LoadedImage nrrd = MedicalImageReader.read(c23Nrrd());
    LoadedImage nii = MedicalImageReader.read(c23Nifti());
    Masks.checkSameGrid(nrrd.geometry(), nii.geometry(), "c23.nrrd", "c23.nii");
    // origin in RAS = (−10, −20, 30): LPS (10, 20, 30)
    assertArrayEquals(new double[] {10, 20, 30}, nii.geometry().origin(), 1e-6);
    // ImageJ calibration: pixelWidth = pixelHeight = 1.0 (to the 4 digits of 0.7071), depth 2.5
    ImagePlus imp = MedicalVolumeOpener.open(c23Nrrd());
    Calibration cal = imp.getCalibration();
    assertEquals("mm", cal.getUnit());
    assertEquals(1.0, cal.pixelWidth, 1e-4);
    assertEquals(1.0, cal.pixelHeight, 1e-4);
    assertEquals(2.5, cal.pixelDepth, 0);
    // x/y/zOrigin (pixels) = −Dᵀ·origin / spacing: Dᵀ(10,20,30) = (30/√2, 10/√2, 30)
    double s = nrrd.geometry().spacing(0);
    assertEquals(-30 * Math.sqrt(0.5) / s, cal.xOrigin, 1e-9);
    assertEquals(-10 * Math.sqrt(0.5) / s, cal.yOrigin, 1e-9);
    assertEquals(-12, cal.zOrigin, 1e-12);
    assertTrue(ImagePlusVolumes.geometry(imp).sameGrid(nrrd.geometry(), 1e-12));
  }

  /** C13 through files: M1 (float32 rounding) accepted, M2 (one voxel shift), M3 refused. */
  @Test
  void c13MasksFromFiles() throws Exception {
    Geometry img = Geometry.of(new int[] {10, 10, 5}, new double[] {0.7, 0.7, 5.0});
    Geometry[] masks = {
      Geometry.of(new int[] {10, 10, 5}, new double[] {0.70000001, 0.70000001, 5.0}),
      img.withOrigin(new double[] {0.7, 0, 0}),
      img.withSize(new int[] {10, 10, 4})
    };
    Path ip = tmp.resolve("image.nii");
    NiftiWriter.write(Volume.ofDoubles(new double[500], img), VoxelType.FLOAT32, ip, false);
    Geometry gi = MedicalImageReader.read(ip).geometry();
    for (int k = 0; k < 3; k++) {
      Path mp = tmp.resolve("m" + (k + 1) + ".nii.gz");
      NiftiWriter.write(Mask.empty(masks[k]), mp);
      Geometry gm = MedicalImageReader.read(mp).geometry();
      if (k == 0) {
        Masks.checkSameGrid(gi, gm, ip.toString(), mp.toString());
      } else {
        MaskException e = assertThrows(MaskException.class,
            () -> Masks.checkSameGrid(gi, gm, ip.toString(), mp.toString()));
        assertTrue(e.getMessage().contains("image.nii") && e.getMessage().contains(mp.toString()),
            e.getMessage());
      }
    }
  }

  /**
   * C14: open a NIfTI in ImageJ (voxel order kept), draw an ROI on slice 2, save it as a NIfTI
   * mask, re-read it: same voxels and same grid as the image.
   */
  @Test
  void c14RoiDrawnInImageJSavedAsNiftiLandsOnSamePixels() throws Exception {
    Path src = Path.of("test-images/STS_008/MR_T1_image.nii.gz");
    ImagePlus imp = MedicalVolumeOpener.open(src);
    Roi r = new Roi(30, 40, 5, 3);
    r.setPosition(2);
    Mask m = RoiMasks.fromRois(new Roi[] {r}, imp);
    Path out = tmp.resolve("roi_mask.nii.gz");
    NiftiWriter.write(m, out);
    LoadedImage back = MedicalImageReader.read(out);
    LoadedImage image = MedicalImageReader.read(src);
    Masks.checkSameGrid(image.geometry(), back.geometry(), "image", "mask");
    Mask bm = Masks.fromLabelImage(back.volume(), Masks.LabelChoice.label(1)).mask();
    assertEquals(15, bm.count());
    assertTrue(bm.contains(30, 40, 1) && bm.contains(34, 42, 1) && !bm.contains(35, 40, 1));
    // the ROI's pixels are the image's pixels: same values via both paths
    double[] v = image.volume().toDoubleArray();
    double[] w = ImagePlusVolumes.wrap(imp).toDoubleArray();
    for (int i = 0; i < v.length; i++) {
      if (bm.contains(i)) {
        assertEquals(v[i], w[i], 0);
      }
    }
  }

  /** C13 via the loader: a shifted mask is refused, or resampled only when asked. */
  @Test
  void loaderRefusesOrResamplesOnRequest() throws Exception {
    Geometry img = Geometry.of(new int[] {10, 10, 5}, new double[] {0.7, 0.7, 5.0});
    Geometry shifted = img.withOrigin(new double[] {0.7, 0, 0});
    Path ip = tmp.resolve("image.nii");
    NiftiWriter.write(Volume.ofDoubles(new double[500], img), VoxelType.FLOAT32, ip, false);
    byte[] d = new byte[500];
    d[shifted.index(3, 4, 2)] = 1;
    d[shifted.index(9, 4, 2)] = 1; // falls outside the image after the shift
    Path mp = tmp.resolve("shifted.nii.gz");
    NiftiWriter.write(new Mask(d, shifted), mp);
    MaskException e = assertThrows(MaskException.class,
        () -> ImageMaskLoader.load(ip, mp, Masks.LabelChoice.label(1), false));
    assertEquals(MaskException.Reason.GEOMETRY_MISMATCH, e.reason());
    // float32 in the file: 0.7 is stored as 0.699999988
    assertTrue(e.getMessage().contains("origin (0.699999988, 0, 0)"), e.getMessage());
    ImageMaskLoader.ImageAndMask r = ImageMaskLoader.load(ip, mp, Masks.LabelChoice.label(1),
        true);
    assertTrue(r.resampled());
    assertEquals(1, r.mask().count());
    assertTrue(r.mask().contains(4, 4, 2));
    assertTrue(r.messages().stream().anyMatch(m -> m.contains("resampled")));
  }

  /** File › Save As (headless part): a mask drawn in ImageJ saved as NIfTI and NRRD re-opens. */
  @Test
  void saverRoundTrip() throws Exception {
    ImagePlus imp = MedicalVolumeOpener.open(c23Nrrd());
    Roi r = new Roi(1, 0, 2, 2);
    r.setPosition(2);
    Mask m = RoiMasks.fromRois(new Roi[] {r}, imp);
    ImagePlus mi = ImagePlusVolumes.toImagePlus(m, "mask");
    for (String name : new String[] {"mask.nii.gz", "mask.nrrd"}) {
      Path p = tmp.resolve(name);
      MedicalVolumeSaver.save(mi, p, false);
      LoadedImage back = MedicalImageReader.read(p);
      assertEquals(VoxelType.UINT8, back.voxelType());
      assertTrue(back.geometry().sameGrid(ImagePlusVolumes.geometry(imp)), name);
      // ImageJ's 0/255 binary image is saved as a 0/1 label mask (label 1)
      Mask bm = Masks.fromLabelImage(back.volume(), Masks.LabelChoice.label(1)).mask();
      assertArrayEquals(m.data(), bm.data(), name);
      assertThrows(ImageFormatException.class, () -> MedicalVolumeSaver.save(mi, p, false));
    }
  }
}
