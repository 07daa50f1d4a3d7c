package org.habitatj.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.habitatj.core.image.Mask;
import org.habitatj.core.image.Volume;

/** Encodes voxels for the writers and writes files safely. Package-private. */
final class VoxelEncoder {

  private VoxelEncoder() {}

  /** Little-endian bytes of the volume's values in the given type (x fastest). */
  static byte[] encode(Volume v, VoxelType type, Path target) throws ImageFormatException {
    long n = v.geometry().voxelCount();
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * type.bytes()))
        .order(ByteOrder.LITTLE_ENDIAN);
    Cursor<? extends RealType<?>> c = Views.flatIterable(v.values()).cursor();
    while (c.hasNext()) {
      double x = c.next().getRealDouble();
      switch (type) {
        case FLOAT32:
          b.putFloat((float) x);
          break;
        case FLOAT64:
          b.putDouble(x);
          break;
        case UINT8:
          b.put((byte) checkInt(x, 0, 255, type, target));
          break;
        case INT8:
          b.put((byte) checkInt(x, -128, 127, type, target));
          break;
        case INT16:
          b.putShort((short) checkInt(x, Short.MIN_VALUE, Short.MAX_VALUE, type, target));
          break;
        case UINT16:
          b.putShort((short) checkInt(x, 0, 65535, type, target));
          break;
        case INT32:
          b.putInt((int) checkInt(x, Integer.MIN_VALUE, Integer.MAX_VALUE, type, target));
          break;
        default:
          throw new ImageFormatException(target, "writing " + type + " is not supported");
      }
    }
    return b.array();
  }

  private static long checkInt(double x, long min, long max, VoxelType t, Path target)
      throws ImageFormatException {
    if (x != Math.rint(x) || x < min || x > max) {
      throw new ImageFormatException(
          target, "value " + x + " cannot be stored exactly as " + t + "; write as FLOAT32/64");
    }
    return (long) x;
  }

  /** The mask's 0/1 bytes (uint8). */
  static byte[] encode(Mask m) {
    return m.data().clone();
  }

  /**
   * Writes through a temporary file in the same folder, then moves it into place, so a failed
   * write never leaves a half-written file.
   *
   * @throws ImageFormatException if the target exists and {@code overwrite} is false
   */
  static void writeSafely(Path target, boolean overwrite, IoWriter body)
      throws ImageFormatException {
    if (!overwrite && Files.exists(target)) {
      throw new ImageFormatException(
          target, "file exists; refusing to overwrite (inputs are never modified)");
    }
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // not Files.createTempFile: it makes the file owner-only (0600), and the move would keep
      // that; a file created with CREATE_NEW gets the default permissions (umask), like any
      // other output
      OutputStream os = null;
      for (int attempt = 0; os == null; attempt++) {
        Path candidate = dir.resolve(".habitatj-" + Long.toHexString(
            java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
            + ".part");
        try {
          os = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          tmp = candidate;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) {
            throw e;
          }
        }
      }
      try (OutputStream out = os) {
        body.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new ImageFormatException(target, "cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  @FunctionalInterface
  interface IoWriter {
    void write(OutputStream out) throws IOException;
  }
}
