package org.habitatj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.habitatj.core.image.Geometry;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Masks;
import org.habitatj.core.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WritersTest {

  @TempDir Path tmp;

  /** 45° in-plane rotation (C23 grid), or a left-handed grid (negative determinant → qfac −1). */
  private static Geometry grid(boolean leftHanded) {
    double c = Math.sqrt(0.5);
    double[] dir = leftHanded
        ? new double[] {c, -c, 0, c, c, 0, 0, 0, -1}
        : new double[] {c, -c, 0, c, c, 0, 0, 0, 1};
    return new Geometry(new int[] {4, 3, 2}, new double[] {0.7, 0.9, 2.5},
        new double[] {10, 20.25, -30.5}, dir);
  }

  private static Mask someMask(Geometry g) {
    byte[] d = new byte[24];
    d[0] = 1;
    d[g.index(3, 1, 0)] = 1;
    d[g.index(2, 2, 1)] = 1;
    return new Mask(d, g);
  }

  @ParameterizedTest
  @ValueSource(strings = {"m.nii", "m.nii.gz", "m.nrrd"})
  void maskRoundTripLandsOnSameVoxels(String name) throws IOException {
    for (boolean left : new boolean[] {false, true}) {
      Geometry g = grid(left);
      Mask m = someMask(g);
      Path p = tmp.resolve((left ? "L" : "R") + name);
      if (name.endsWith(".nrrd")) {
        NrrdWriter.write(m, p);
      } else {
        NiftiWriter.write(m, p);
      }
      LoadedImage back = MedicalImageReader.read(p);
      assertEquals(VoxelType.UINT8, back.voxelType());
      assertTrue(back.geometry().sameGrid(g), back.geometry() + " vs " + g);
      Mask r = Masks.fromLabelImage(back.volume(), Masks.LabelChoice.label(1)).mask();
      assertArrayEquals(m.data(), r.data());
    }
  }

  /** The qform alone (sform_code patched to 0) gives the same grid as the sform. */
  @Test
  void niftiQformAgreesWithSform() throws IOException {
    for (boolean left : new boolean[] {false, true}) {
      Geometry g = grid(left);
      Path p = tmp.resolve(left + ".nii");
      NiftiWriter.write(someMask(g), p);
      byte[] b = Files.readAllBytes(p);
      ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(1, h.getShort(252));
      assertEquals(1, h.getShort(254));
      assertEquals(left ? -1f : 1f, h.getFloat(76));
      h.putShort(254, (short) 0);
      Path q = tmp.resolve(left + "_qonly.nii");
      Files.write(q, b);
      Geometry gq = NiftiReader.read(q).geometry();
      assertTrue(gq.sameGrid(g), gq + " vs " + g);
    }
  }

  @Test
  void floatMapKeepsNaNAndValues() throws IOException {
    Geometry g = grid(false);
    double[] v = new double[24];
    for (int i = 0; i < 24; i++) {
      v[i] = i % 5 == 0 ? Double.NaN : i * 0.1 - 1;
    }
    Volume map = Volume.ofDoubles(v, g);
    for (String name : new String[] {"map.nii.gz", "map.nrrd"}) {
      Path p = tmp.resolve(name);
      if (name.endsWith(".nrrd")) {
        NrrdWriter.write(map, VoxelType.FLOAT64, p, false);
      } else {
        NiftiWriter.write(map, VoxelType.FLOAT64, p, false);
      }
      assertArrayEquals(v, MedicalImageReader.read(p).volume().toDoubleArray(), 0);
    }
    Path f32 = tmp.resolve("map32.nii");
    NiftiWriter.write(map, VoxelType.FLOAT32, f32, false);
    double[] back = NiftiReader.read(f32).volume().toDoubleArray();
    for (int i = 0; i < 24; i++) {
      assertEquals((float) v[i], back[i], 0);
    }
  }

  /**
   * C14 export: the STS_008 mask written back has the source's dims, spacing, quaternion and
   * qoffset, and the same voxels.
   */
  @Test
  void stsMaskExportMatchesSourceHeader() throws IOException {
    Path src = SharedData.data("ibsi_sts_mr/nifti/STS_008/MR_T1_mask.nii.gz");
    LoadedImage in = NiftiReader.read(src);
    Mask m = Masks.fromLabelImage(in.volume(), Masks.LabelChoice.label(1)).mask();
    Path out = tmp.resolve("sts008_mask.nii");
    NiftiWriter.write(m, out);
    ByteBuffer a = ByteBuffer.wrap(NiftiReader.readMaybeGzip(src)).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 40; off < 56; off += 2) {
      assertEquals(a.getShort(off), b.getShort(off), "dim at " + off);
    }
    for (int off = 80; off < 92; off += 4) {
      assertEquals(a.getFloat(off), b.getFloat(off), "pixdim at " + off);
    }
    for (int off = 256; off < 280; off += 4) {
      assertEquals(a.getFloat(off), b.getFloat(off), "quatern/qoffset at " + off);
    }
    LoadedImage back = NiftiReader.read(out);
    assertTrue(back.geometry().sameGrid(in.geometry()));
    assertEquals(8862, Masks.fromLabelImage(back.volume(), Masks.LabelChoice.label(1))
        .mask().count());
    assertArrayEquals(in.volume().toDoubleArray(), back.volume().toDoubleArray(), 0);
  }

  @Test
  void refusesToOverwriteAndToLoseValues() throws IOException {
    Geometry g = grid(false);
    Path p = tmp.resolve("exists.nii");
    Files.writeString(p, "precious");
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> NiftiWriter.write(someMask(g), p));
    assertTrue(e.getMessage().contains("exists.nii") && e.getMessage().contains("overwrite"));
    assertEquals("precious", Files.readString(p));
    double[] v = new double[24];
    v[3] = 0.5;
    Path q = tmp.resolve("lossy.nrrd");
    e = assertThrows(ImageFormatException.class,
        () -> NrrdWriter.write(Volume.ofDoubles(v, g), VoxelType.INT16, q, false));
    assertTrue(e.getMessage().contains("0.5") && e.getMessage().contains("INT16"));
    assertTrue(!Files.exists(q));
  }

  @Test
  void quaternionInvertsTheNiftiFormula() {
    // 120° about (1,1,1)/√3: a = cos60° = 0.5, b = c = d = sin60°/√3 = 0.5 → R = permutation
    double[] r = {0, 0, 1, 1, 0, 0, 0, 1, 0};
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, NiftiWriter.quaternion(r), 1e-15);
    // 180° about x: a = 0, b = 1
    assertArrayEquals(new double[] {0, 1, 0, 0},
        NiftiWriter.quaternion(new double[] {1, 0, 0, 0, -1, 0, 0, 0, -1}), 1e-15);
  }
}
