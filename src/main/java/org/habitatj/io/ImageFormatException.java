package org.habitatj.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read or written as a medical image: unsupported format or data type,
 * malformed header, missing or truncated data. The message always starts with the file's path.
 */
public class ImageFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param file the file concerned (named in the message)
   * @param problem what is wrong, in words a user can act on
   */
  public ImageFormatException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public ImageFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file concerned. */
  public Path file() {
    return file;
  }
}
