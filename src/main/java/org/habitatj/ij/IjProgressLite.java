package org.habitatj.ij;

import ij.IJ;
import org.habitatj.core.progress.Progress;

/** Progress to the ImageJ status bar and progress bar (no-op effect when headless). */
public final class IjProgressLite {
  private IjProgressLite() {}

  /** A Progress that prefixes status messages with {@code title}. */
  public static Progress create(String title) {
    return new Progress() {
      @Override
      public void status(String message) {
        IJ.showStatus(title + ": " + message);
      }

      @Override
      public void fraction(double done) {
        IJ.showProgress(done);
      }

      @Override
      public boolean isCanceled() {
        return IJ.escapePressed();
      }
    };
  }
}
