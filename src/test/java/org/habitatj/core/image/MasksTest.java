package org.habitatj.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.habitatj.core.image.Masks.LabelChoice;
import org.habitatj.core.image.Masks.MaskSelection;
import org.junit.jupiter.api.Test;

class MasksTest {

  private static final Geometry G44 = Geometry.of(new int[] {4, 4, 1}, new double[] {1, 1, 1});

  /** C01 image I[y][x] = 10..160. */
  private static final double[] C01_IMAGE = {
    10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160
  };

  /** Central 2×2 block (rows 1–2, cols 1–2) = v, rest 0. */
  private static double[] block(double v) {
    double[] m = new double[16];
    m[5] = v;
    m[6] = v;
    m[9] = v;
    m[10] = v;
    return m;
  }

  private static double roiMean(Mask m) {
    double s = 0;
    for (int i = 0; i < 16; i++) {
      if (m.contains(i)) {
        s += C01_IMAGE[i];
      }
    }
    return s / m.count();
  }

  @Test
  void c01Label255() {
    Volume a = Volume.ofDoubles(block(255), G44);
    // explicit label 1 on a 0/255 mask: error naming the labels present
    MaskException e = assertThrows(MaskException.class,
        () -> Masks.fromLabelImage(a, LabelChoice.label(1)));
    assertEquals(MaskException.Reason.LABEL_ABSENT, e.reason());
    assertTrue(e.getMessage().contains("label 1 is not present"), e.getMessage());
    assertTrue(e.getMessage().contains("{255}"), e.getMessage());
    // label 255 == mask B with label 1; Mean = (60+70+100+110)/4 = 85
    Mask m255 = Masks.fromLabelImage(a, LabelChoice.label(255)).mask();
    Mask mB = Masks.fromLabelImage(Volume.ofDoubles(block(1), G44), LabelChoice.label(1)).mask();
    assertArrayEquals(mB.data(), m255.data());
    assertEquals(85.0, roiMean(m255), 0);
    // auto: picks 255 and says so
    MaskSelection s = Masks.fromLabelImage(a, LabelChoice.auto());
    assertEquals(255, s.label());
    assertTrue(s.autoChosen());
    assertTrue(s.message().contains("label 255") && s.message().contains("only non-zero"),
        s.message());
    assertEquals(4, s.mask().count());
    assertNull(Masks.fromLabelImage(a, LabelChoice.label(255)).message());
  }

  @Test
  void c02LabelTwoIgnoresStrayLabelOne() {
    double[] c = block(2);
    c[0] = 1;
    Volume v = Volume.ofDoubles(c, G44);
    Mask m = Masks.fromLabelImage(v, LabelChoice.label(2)).mask();
    Mask mB = Masks.fromLabelImage(Volume.ofDoubles(block(1), G44), LabelChoice.label(1)).mask();
    assertArrayEquals(mB.data(), m.data());
    MaskException e = assertThrows(MaskException.class,
        () -> Masks.fromLabelImage(v, LabelChoice.auto()));
    assertEquals(MaskException.Reason.AMBIGUOUS_LABEL, e.reason());
    assertTrue(e.getMessage().contains("{1, 2}"), e.getMessage());
  }

  @Test
  void c03FloatMasks() {
    // exact 0.0/1.0 floats behave like an integer mask
    float[] f = new float[16];
    for (int i : new int[] {5, 6, 9, 10}) {
      f[i] = 1.0f;
    }
    Mask m = Masks.fromLabelImage(Volume.ofFloats(f, G44), LabelChoice.label(1)).mask();
    assertEquals(85.0, roiMean(m), 0);
    assertEquals(1, Masks.fromLabelImage(Volume.ofFloats(f, G44), LabelChoice.auto()).label());
    // 1/255 mask: error listing the values, never an empty ROI
    float[] g = new float[16];
    for (int i : new int[] {5, 6, 9, 10}) {
      g[i] = 0.003921569f;
    }
    Volume v = Volume.ofFloats(g, G44);
    for (LabelChoice c : new LabelChoice[] {LabelChoice.label(1), LabelChoice.auto()}) {
      MaskException e = assertThrows(MaskException.class, () -> Masks.fromLabelImage(v, c));
      assertEquals(MaskException.Reason.NON_INTEGER_VALUES, e.reason());
      assertTrue(e.getMessage().contains("{0, 0.00392157}"), e.getMessage());
      assertTrue(e.getMessage().contains("nonzero"), e.getMessage());
    }
    // explicit nonzero mode: Mean 85
    MaskSelection s = Masks.fromLabelImage(v, LabelChoice.nonzero());
    assertEquals(85.0, roiMean(s.mask()), 0);
    assertNull(s.label());
  }

  @Test
  void c05EmptyAndFullMasks() {
    Geometry g = Geometry.of(new int[] {3, 3, 3}, new double[] {1, 1, 1});
    MaskException e = assertThrows(MaskException.class,
        () -> Masks.fromLabelImage(Volume.ofDoubles(new double[27], g), LabelChoice.label(1)));
    assertEquals(MaskException.Reason.EMPTY, e.reason());
    assertTrue(e.getMessage().startsWith("mask is empty for label 1"), e.getMessage());
    double[] ones = new double[27];
    java.util.Arrays.fill(ones, 1);
    Mask full = Masks.fromLabelImage(Volume.ofDoubles(ones, g), LabelChoice.label(1)).mask();
    assertEquals(27, full.count());
    // Mean of I = 9z + 3y + x over the full mask = 13
    double s = 0;
    for (int z = 0; z < 3; z++) {
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 3; x++) {
          s += full.contains(x, y, z) ? 9 * z + 3 * y + x : 0;
        }
      }
    }
    assertEquals(13.0, s / 27, 0);
    RoiChecks.check(full, 2, 0); // no exception
  }

  @Test
  void c04DegenerateRois() {
    Geometry g = Geometry.of(new int[] {5, 5, 3}, new double[] {1, 1, 1});
    byte[] one = new byte[75];
    one[g.index(2, 2, 1)] = 1;
    Mask m1 = new Mask(one, g);
    assertEquals(0, RoiChecks.dimensionality(m1));
    MaskException e = assertThrows(MaskException.class, () -> RoiChecks.check(m1, 1, 0));
    assertEquals(MaskException.Reason.DEGENERATE, e.reason());
    assertTrue(e.getMessage().startsWith("ROI has 1 voxel (needs ≥ 2)"), e.getMessage());

    byte[] two = one.clone();
    two[g.index(3, 2, 1)] = 1;
    Mask m2 = new Mask(two, g);
    assertEquals(1, RoiChecks.dimensionality(m2));
    e = assertThrows(MaskException.class, () -> RoiChecks.check(m2, 2, 0));
    assertTrue(e.getMessage().startsWith("ROI is 1-dimensional (bounding box 2×1×1 voxels"),
        e.getMessage());
    RoiChecks.check(m2, 1, 0); // allowed with minimumROIDimensions = 1
    e = assertThrows(MaskException.class, () -> RoiChecks.check(m2, 1, 3));
    assertTrue(e.getMessage().startsWith("ROI has 2 voxels (needs ≥ 3"), e.getMessage());
    assertThrows(MaskException.class, () -> RoiChecks.check(Mask.empty(g), 1, 0));
  }

  @Test
  void c13GeometryCheckAndResampling() {
    Geometry img = Geometry.of(new int[] {10, 10, 5}, new double[] {0.7, 0.7, 5.0});
    Geometry m1 = Geometry.of(new int[] {10, 10, 5}, new double[] {0.70000001, 0.70000001, 5.0});
    Masks.checkSameGrid(img, m1, "image.nii", "m1.nii"); // accepted
    Geometry m2 = img.withOrigin(new double[] {0.7, 0, 0});
    MaskException e = assertThrows(MaskException.class,
        () -> Masks.checkSameGrid(img, m2, "image.nii", "m2.nii"));
    assertEquals(MaskException.Reason.GEOMETRY_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("image image.nii: size 10×10×5, spacing (0.7, 0.7, 5) mm,"
        + " origin (0, 0, 0)"), e.getMessage());
    assertTrue(e.getMessage().contains("mask  m2.nii: size 10×10×5, spacing (0.7, 0.7, 5) mm,"
        + " origin (0.7, 0, 0)"), e.getMessage());
    Geometry m3 = img.withSize(new int[] {10, 10, 4});
    e = assertThrows(MaskException.class, () -> Masks.checkSameGrid(img, m3, "i", "m3"));
    assertTrue(e.getMessage().contains("10×10×4"), e.getMessage());
    // names that already are the role word are not repeated ("image image", "mask  mask 'x'")
    e = assertThrows(MaskException.class,
        () -> Masks.checkSameGrid(img, m3, "image", "mask 'seg.tif'"));
    assertTrue(e.getMessage().contains("\n  image: size 10×10×5"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  mask 'seg.tif': size 10×10×4"), e.getMessage());
    assertTrue(!e.getMessage().contains("image image") && !e.getMessage().contains("mask mask"),
        e.getMessage());

    // explicit nearest-neighbour resampling of M2 (shifted one voxel in +x) onto the image grid:
    // mask voxel (i,j,k) sits at image voxel (i+1,j,k)
    byte[] d = new byte[500];
    d[m2.index(3, 4, 2)] = 1;
    d[m2.index(9, 0, 0)] = 1; // lands outside the image grid (x = 10)
    Mask r = Masks.resampleNearest(new Mask(d, m2), img);
    assertEquals(1, r.count());
    assertTrue(r.contains(4, 4, 2));
    assertFalse(r.contains(3, 4, 2));
    // identity resampling returns the same voxels
    assertArrayEquals(d, Masks.resampleNearest(new Mask(d, m2), m2).data());
  }
}
