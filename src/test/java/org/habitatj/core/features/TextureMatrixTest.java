package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.habitatj.core.features.TextureTestData.Npy;
import org.habitatj.core.features.TextureTestData.Prep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our GLRLM, GLSZM, GLDM and NGTDM matrices equal PyRadiomics' reference matrices
 * ({@code baseline/<case>_<family>.npy}, from PyRadiomics' tests/test_matrices.py). PyRadiomics
 * stores them after deleting empty columns (run lengths / zone sizes / dependence sizes that never
 * occur) and, for NGTDM, empty grey levels; the same deletion is applied to ours before comparing.
 */
class TextureMatrixTest {

  @ParameterizedTest
  @ValueSource(strings = {"brain1", "breast1"})
  void glrlm(String c) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE));
    Npy ref = TextureTestData.readNpy(TextureTestData.BASELINE.resolve(c + "_glrlm.npy"));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(c, Prep.defaults());
    int[][] angles = TextureAngles.generate(roi, new int[] {1}, false, 0, false);
    int nr = Glrlm.maxRunLength(roi);
    double[] m = Glrlm.matrix(roi, angles, nr);
    int ng = roi.ng();
    int na = angles.length;
    List<Integer> cols = new ArrayList<>();
    for (int r = 0; r < nr; r++) {
      double s = 0;
      for (int a = 0; a < na; a++) {
        for (int i = 0; i < ng; i++) {
          s += m[(a * ng + i) * nr + r];
        }
      }
      if (s != 0) {
        cols.add(r);
      }
    }
    assertArrayEquals(new int[] {ng, cols.size(), na}, ref.shape());
    for (int i = 0; i < ng; i++) {
      for (int cj = 0; cj < cols.size(); cj++) {
        for (int a = 0; a < na; a++) {
          assertEquals(ref.data()[(i * cols.size() + cj) * na + a],
              m[(a * ng + i) * nr + cols.get(cj)], 0, "i=" + i + " r=" + cols.get(cj) + " a=" + a);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"brain1", "breast1"})
  void glszm(String c) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE));
    Npy ref = TextureTestData.readNpy(TextureTestData.BASELINE.resolve(c + "_glszm.npy"));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(c, Prep.defaults());
    Glszm.Matrix m = Glszm.matrix(roi, TextureAngles.generate(roi, new int[] {1}, false, 0, true));
    compare2d(ref, m.counts(), roi.ng(), m.ns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"brain1", "breast1"})
  void gldm(String c) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE));
    Npy ref = TextureTestData.readNpy(TextureTestData.BASELINE.resolve(c + "_gldm.npy"));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(c, Prep.defaults());
    int[][] angles = TextureAngles.generate(roi, new int[] {1}, false, 0, true);
    assertEquals(26, angles.length);
    compare2d(ref, Gldm.matrix(roi, angles, 0), roi.ng(), angles.length + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"brain1", "breast1"})
  void ngtdm(String c) throws Exception {
    assumeTrue(Files.isDirectory(TextureTestData.BASELINE));
    Npy ref = TextureTestData.readNpy(TextureTestData.BASELINE.resolve(c + "_ngtdm.npy"));
    DiscretizedRoi roi = TextureTestData.pyradiomicsCase(c, Prep.defaults());
    int ng = roi.ng();
    double[] n = new double[ng];
    double[] s = new double[ng];
    Ngtdm.matrix(roi, TextureAngles.generate(roi, new int[] {1}, false, 0, true), n, s);
    int row = 0;
    for (int i = 0; i < ng; i++) {
      if (n[i] == 0) {
        continue;
      }
      assertEquals(ref.data()[row * 3], n[i], 0);
      assertEquals(ref.data()[row * 3 + 1], s[i], 1e-9 * Math.max(1, s[i]));
      assertEquals(ref.data()[row * 3 + 2], i + 1, 0);
      row++;
    }
    assertEquals(ref.shape()[0], row);
  }

  /** Compares an Ng × nj count matrix to the reference after deleting all-zero columns. */
  private static void compare2d(Npy ref, double[] m, int ng, int nj) {
    List<Integer> cols = new ArrayList<>();
    for (int j = 0; j < nj; j++) {
      double s = 0;
      for (int i = 0; i < ng; i++) {
        s += m[i * nj + j];
      }
      if (s != 0) {
        cols.add(j);
      }
    }
    assertArrayEquals(new int[] {ng, cols.size()}, ref.shape());
    for (int i = 0; i < ng; i++) {
      for (int cj = 0; cj < cols.size(); cj++) {
        assertEquals(ref.data()[i * cols.size() + cj], m[i * nj + cols.get(cj)], 0,
            "i=" + i + " j=" + cols.get(cj));
      }
    }
  }
}
