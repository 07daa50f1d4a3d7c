package org.habitatj.core.progress;

/** Thrown by a core algorithm when its {@link Progress} reports that the user cancelled. */
public final class CanceledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CanceledException() {
    super("Cancelled by the user");
  }
}
