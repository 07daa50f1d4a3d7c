package org.habitatj.core.ith;

/**
 * Connected-component labelling of a label image (two-pass union–find, written for HabitatJ).
 *
 * <p>Two voxels belong to the same region when they are neighbours under the chosen {@link
 * Connectivity} and carry the <b>same non-zero label</b>. Label 0 is background and is never part of a
 * region. A binary mask is the special case of labels 0/1. The image is x-fastest with dimensions
 * (nx, ny, nz); 2D connectivities ({@link Connectivity#FOUR}, {@link Connectivity#EIGHT}) label each
 * z slice on its own. Neighbours outside the image do not exist (no wrap-around).
 *
 * <p>Regions are numbered 1..n in the scan order (x fastest, then y, then z) of their first voxel,
 * so the numbering is deterministic.
 */
public final class ConnectedComponents {

  private final int[] regionOf;
  private final int[] sizes;
  private final int[] regionLabel;
  private final int count;

  private ConnectedComponents(int[] regionOf, int[] sizes, int[] regionLabel, int count) {
    this.regionOf = regionOf;
    this.sizes = sizes;
    this.regionLabel = regionLabel;
    this.count = count;
  }

  /**
   * Labels the connected regions of a label image.
   *
   * @param labels label per voxel, x fastest (0 = background, any other value a class); not modified
   * @param nx size along x (voxels)
   * @param ny size along y
   * @param nz size along z (1 for a 2D image)
   * @param connectivity neighbourhood
   * @return the regions
   * @throws IllegalArgumentException if the array length is not nx·ny·nz
   */
  public static ConnectedComponents label(int[] labels, int nx, int ny, int nz,
      Connectivity connectivity) {
    long n = (long) nx * ny * nz;
    if (nx < 1 || ny < 1 || nz < 1 || labels.length != n) {
      throw new IllegalArgumentException("label image has " + labels.length
          + " voxels but the size is " + nx + "×" + ny + "×" + nz);
    }
    int[][] offs = connectivity.backwardOffsets();
    int[] parent = new int[labels.length];
    int[] provisional = new int[labels.length];
    int next = 0;
    int nxy = nx * ny;
    for (int z = 0, i = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++, i++) {
          int l = labels[i];
          if (l == 0) {
            provisional[i] = -1;
            continue;
          }
          int root = -1;
          for (int[] o : offs) {
            int xx = x + o[0];
            int yy = y + o[1];
            int zz = z + o[2];
            if (xx < 0 || xx >= nx || yy < 0 || yy >= ny || zz < 0) {
              continue;
            }
            int j = xx + nx * yy + nxy * zz;
            if (labels[j] != l) {
              continue;
            }
            int r = find(parent, provisional[j]);
            if (root < 0) {
              root = r;
            } else if (r != root) {
              // union: keep the smaller root so that numbering follows scan order
              if (r < root) {
                parent[root] = r;
                root = r;
              } else {
                parent[r] = root;
              }
            }
          }
          if (root < 0) {
            root = next;
            parent[next] = next;
            next++;
          }
          provisional[i] = root;
        }
      }
    }
    // final numbering 1..count in order of the first voxel (roots are the minimum provisional id)
    int[] finalId = new int[next];
    int count = 0;
    for (int p = 0; p < next; p++) {
      if (find(parent, p) == p) {
        finalId[p] = ++count;
      }
    }
    int[] regionOf = new int[labels.length];
    int[] sizes = new int[count + 1];
    int[] regionLabel = new int[count + 1];
    for (int i = 0; i < labels.length; i++) {
      if (provisional[i] >= 0) {
        int id = finalId[find(parent, provisional[i])];
        regionOf[i] = id;
        sizes[id]++;
        regionLabel[id] = labels[i];
      }
    }
    return new ConnectedComponents(regionOf, sizes, regionLabel, count);
  }

  /** Labels the regions of a binary mask (bytes 0/1 or any non-zero value as foreground). */
  public static ConnectedComponents label(byte[] mask, int nx, int ny, int nz,
      Connectivity connectivity) {
    int[] l = new int[mask.length];
    for (int i = 0; i < mask.length; i++) {
      l[i] = mask[i] != 0 ? 1 : 0;
    }
    return label(l, nx, ny, nz, connectivity);
  }

  private static int find(int[] parent, int p) {
    int r = p;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[p] != r) {
      int q = parent[p];
      parent[p] = r;
      p = q;
    }
    return r;
  }

  /** Number of regions. */
  public int count() {
    return count;
  }

  /** Region id (1..count) per voxel, 0 for background; not a copy, do not modify. */
  public int[] regions() {
    return regionOf;
  }

  /** Number of voxels of region {@code id} (1..count). */
  public int size(int id) {
    return sizes[id];
  }

  /** The label value shared by the voxels of region {@code id} (1..count). */
  public int labelOf(int id) {
    return regionLabel[id];
  }
}
