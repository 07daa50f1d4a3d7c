package org.habitatj.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hull-pruned diameter search equals the all-pairs search of PyRadiomics on random masks. */
class Shape3DDiameterTest {

  /** PyRadiomics' definition: all pairs of edge-midpoint vertices. */
  static double[] bruteForce(byte[] p, int nx, int ny, int nz, double[] s) {
    java.util.List<double[]> v = new java.util.ArrayList<>();
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          int i = x + nx * (y + ny * z);
          if (x + 1 < nx && p[i] != p[i + 1]) {
            v.add(new double[] {z * s[0], y * s[1], (x + 0.5) * s[2]});
          }
          if (y + 1 < ny && p[i] != p[i + nx]) {
            v.add(new double[] {z * s[0], (y + 0.5) * s[1], x * s[2]});
          }
          if (z + 1 < nz && p[i] != p[i + nx * ny]) {
            v.add(new double[] {(z + 0.5) * s[0], y * s[1], x * s[2]});
          }
        }
      }
    }
    double[] d = new double[4];
    for (int i = 0; i < v.size(); i++) {
      for (int j = 0; j < i; j++) {
        double[] a = v.get(i);
        double[] b = v.get(j);
        double dist = (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]);
        for (int k = 0; k < 3; k++) {
          if (a[k] == b[k]) {
            d[k] = Math.max(d[k], dist);
          }
        }
        d[3] = Math.max(d[3], dist);
      }
    }
    for (int k = 0; k < 4; k++) {
      d[k] = Math.sqrt(d[k]);
    }
    return d;
  }

  @Test
  void hullPrunedSearchEqualsAllPairs() {
    Random r = new Random(42);
    for (int t = 0; t < 40; t++) {
      int nx = 3 + r.nextInt(9);
      int ny = 3 + r.nextInt(9);
      int nz = 3 + r.nextInt(6);
      byte[] p = new byte[nx * ny * nz];
      double fill = 0.2 + 0.6 * r.nextDouble();
      for (int z = 1; z < nz - 1; z++) {
        for (int y = 1; y < ny - 1; y++) {
          for (int x = 1; x < nx - 1; x++) {
            p[x + nx * (y + ny * z)] = r.nextDouble() < fill ? (byte) 1 : 0;
          }
        }
      }
      double[] s = {0.5 + r.nextDouble() * 5, 0.3 + r.nextDouble(), 0.3 + r.nextDouble()};
      double[] fast = Shape3D.diameters(p, nx, ny, nz, s);
      double[] slow = bruteForce(p, nx, ny, nz, s);
      for (int k = 0; k < 4; k++) {
        assertEquals(slow[k], fast[k], 1e-12 * slow[k], "case " + t + " diameter " + k);
      }
    }
  }
}
