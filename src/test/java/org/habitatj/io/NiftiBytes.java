package org.habitatj.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds NIfTI-1 single-file byte streams with arbitrary header fields, for tests. */
final class NiftiBytes {
  int[] dim = {3, 1, 1, 1, 1, 1, 1, 1};
  short datatype = 4;
  short bitpix = 16;
  float[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
  float slope = 1;
  float inter = 0;
  short qformCode = 0;
  short sformCode = 0;
  float[] quatern = {0, 0, 0};
  float[] qoffset = {0, 0, 0};
  float[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
  byte units = 2;
  ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  NiftiBytes size(int x, int y, int z) {
    dim = new int[] {3, x, y, z, 1, 1, 1, 1};
    return this;
  }

  byte[] build(byte[] voxels) {
    ByteBuffer b = ByteBuffer.allocate(352 + voxels.length).order(order);
    b.putInt(0, 348);
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, (short) dim[i]);
    }
    b.putShort(70, datatype);
    b.putShort(72, bitpix);
    for (int i = 0; i < 8; i++) {
      b.putFloat(76 + 4 * i, pixdim[i]);
    }
    b.putFloat(108, 352);
    b.putFloat(112, slope);
    b.putFloat(116, inter);
    b.put(123, units);
    b.putShort(252, qformCode);
    b.putShort(254, sformCode);
    for (int i = 0; i < 3; i++) {
      b.putFloat(256 + 4 * i, quatern[i]);
      b.putFloat(268 + 4 * i, qoffset[i]);
    }
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
      }
    }
    b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    b.position(352);
    b.put(voxels);
    return b.array();
  }

  /** int16 voxels in this builder's byte order. */
  byte[] shorts(int... v) {
    ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(order);
    for (int x : v) {
      b.putShort((short) x);
    }
    return b.array();
  }
}
