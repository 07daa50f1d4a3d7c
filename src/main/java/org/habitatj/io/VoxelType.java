package org.habitatj.io;

/**
 * Storage type of the voxels in an image file (before any intensity scaling).
 *
 * <p>Integer types are the ones a label image (mask) may use; {@link #FLOAT32} and {@link #FLOAT64}
 * masks are accepted too when their values are integers (see {@code org.habitatj.core.image.Masks}).
 */
public enum VoxelType {
  INT8(1, true, true),
  UINT8(1, true, false),
  INT16(2, true, true),
  UINT16(2, true, false),
  INT32(4, true, true),
  UINT32(4, true, false),
  INT64(8, true, true),
  UINT64(8, true, false),
  FLOAT32(4, false, true),
  FLOAT64(8, false, true);

  private final int bytes;
  private final boolean integer;
  private final boolean signed;

  VoxelType(int bytes, boolean integer, boolean signed) {
    this.bytes = bytes;
    this.integer = integer;
    this.signed = signed;
  }

  /** Bytes per voxel. */
  public int bytes() {
    return bytes;
  }

  /** Whether the stored values are integers. */
  public boolean isInteger() {
    return integer;
  }

  /** Whether negative values can be stored. */
  public boolean isSigned() {
    return signed;
  }
}
