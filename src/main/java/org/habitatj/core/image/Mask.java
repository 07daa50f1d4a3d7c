package org.habitatj.core.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A binary region of interest on a {@link Geometry}: one byte per voxel, 1 inside and 0 outside,
 * x fastest then y then z. The label of the source label image has already been chosen when a Mask
 * exists (see {@code org.habitatj.core.image.Masks}); every feature class, the feature maps and the
 * peritumoral ring take the ROI from here only (case C02).
 *
 * <p>The array is owned by the mask; {@link #data()} returns it without copying for speed, and
 * callers must not modify it.
 */
public final class Mask {

  private final byte[] data;
  private final Geometry geometry;
  private int count = -1;

  /**
   * @param data 0/1 per voxel, x fastest, length = voxel count (not copied)
   * @param geometry the voxel grid
   * @throws IllegalArgumentException if the length does not match or a value is not 0 or 1
   */
  public Mask(byte[] data, Geometry geometry) {
    if (data.length != geometry.voxelCount()) {
      throw new IllegalArgumentException(
          "mask has " + data.length + " voxels but the geometry has " + geometry.voxelCount()
              + " (" + geometry.describe() + ")");
    }
    for (int i = 0; i < data.length; i++) {
      if (data[i] != 0 && data[i] != 1) {
        throw new IllegalArgumentException(
            "mask voxel " + i + " has value " + data[i] + "; a Mask holds only 0 and 1");
      }
    }
    this.data = data;
    this.geometry = geometry;
  }

  /** An all-zero mask on the grid. */
  public static Mask empty(Geometry geometry) {
    return new Mask(new byte[Math.toIntExact(geometry.voxelCount())], geometry);
  }

  public Geometry geometry() {
    return geometry;
  }

  /** The 0/1 voxels, x fastest (not a copy; do not modify). */
  public byte[] data() {
    return data;
  }

  public boolean contains(int x, int y, int z) {
    return data[geometry.index(x, y, z)] != 0;
  }

  public boolean contains(int index) {
    return data[index] != 0;
  }

  /** Number of ROI voxels. */
  public int count() {
    if (count < 0) {
      int n = 0;
      for (byte b : data) {
        n += b;
      }
      count = n;
    }
    return count;
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  /**
   * Inclusive bounding box of the ROI as {x0, y0, z0, x1, y1, z1}, or {@code null} when the mask
   * is empty.
   */
  public int[] boundingBox() {
    int[] s = geometry.size();
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int z0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    int z1 = -1;
    int i = 0;
    for (int z = 0; z < s[2]; z++) {
      for (int y = 0; y < s[1]; y++) {
        for (int x = 0; x < s[0]; x++, i++) {
          if (data[i] != 0) {
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            z0 = Math.min(z0, z);
            z1 = Math.max(z1, z);
          }
        }
      }
    }
    return x1 < 0 ? null : new int[] {x0, y0, z0, x1, y1, z1};
  }

  /** The mask as an ImgLib2 image over the same array (no copy), values 0/1. */
  public RandomAccessibleInterval<UnsignedByteType> asImg() {
    int[] s = geometry.size();
    return ArrayImgs.unsignedBytes(data, s[0], s[1], s[2]);
  }
}
